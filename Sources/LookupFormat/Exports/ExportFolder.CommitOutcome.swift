extension ExportFolder {
    /// What ``ExportFolder/commit(staging:manifest:)`` did with a finished version.
    public enum CommitOutcome: String, Hashable, Sendable {
        /// The version folder did not exist and was renamed into place.
        case created
        /// The version folder existed with the same manifest and intact files; the new copy was dropped.
        case reused
        /// The version folder existed but was broken or different; the new copy replaced it.
        case replaced
    }
}
