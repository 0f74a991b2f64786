/// What was written for one shard: where, how much, and its content checksum (for the manifest).
public struct ShardInfo: Hashable, Sendable, Codable {
    /// Path relative to the dataset folder.
    public var relativePath: String
    /// Rows in the shard.
    public var rows: Int
    /// File size in bytes.
    public var bytes: Int
    /// SHA-256 of the file's bytes, lower-case hex.
    public var checksum: String

    /// Creates a record.
    public init(relativePath: String, rows: Int, bytes: Int, checksum: String) {
        self.relativePath = relativePath
        self.rows = rows
        self.bytes = bytes
        self.checksum = checksum
    }
}
