extension ExportFolder {
    /// What a switch of `CURRENT` did.
    public enum SwitchOutcome: Hashable, Sendable {
        /// `CURRENT` now names the version; it named `from` before (`nil`: nothing was published).
        case switched(from: String?)
        /// `CURRENT` already named the version; nothing changed.
        case alreadyCurrent
        /// `CURRENT` names a version of a later day, kept so that a backfill does not regress what is
        /// served.
        case keptLaterVersion(String)

        /// Whether `CURRENT` changed.
        public var switched: Bool {
            if case .switched = self { return true }
            return false
        }
    }
}
