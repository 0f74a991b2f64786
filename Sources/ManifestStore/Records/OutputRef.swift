/// An output shard a task wrote, as recorded in its ``TaskState``.
public struct OutputRef: Codable, Sendable, Hashable {
    /// The dataset name.
    public var dataset: String
    /// The shard's path relative to the workspace.
    public var path: String
    /// The shard's content checksum as written.
    public var checksum: String
    /// The shard's size in bytes as written.
    public var size: Int64

    /// Creates an output reference.
    public init(dataset: String, path: String, checksum: String, size: Int64) {
        self.dataset = dataset
        self.path = path
        self.checksum = checksum
        self.size = size
    }
}
