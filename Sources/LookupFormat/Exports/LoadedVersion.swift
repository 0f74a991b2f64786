/// A verified table version with its lookup file open: what ``ExportFolder/load(version:)`` returns.
public struct LoadedVersion: Sendable {
    /// The version's manifest.
    public let manifest: ExportManifest
    /// The lookup file, open read-only.
    public let lookup: LookupTable
    /// The version folder.
    public let folder: String

    /// The version name.
    public var version: String { manifest.version }
}
