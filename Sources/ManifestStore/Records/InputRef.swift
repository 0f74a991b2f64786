/// An input shard a task read, as recorded in its ``TaskState``.
public struct InputRef: Codable, Sendable, Hashable {
    /// The dataset name.
    public var dataset: String
    /// The shard's path relative to the workspace.
    public var path: String
    /// The shard's content checksum when the task read it.
    public var checksum: String

    /// Creates an input reference.
    public init(dataset: String, path: String, checksum: String) {
        self.dataset = dataset
        self.path = path
        self.checksum = checksum
    }
}
