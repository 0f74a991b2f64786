/// One shard a task wrote, as the manifest recorded it: dataset, path inside it, and content checksum.
public struct OutputShard: Hashable, Sendable {
    /// The dataset's name (`sessions`).
    public var dataset: String
    /// The shard's path inside the dataset (`dt=2026-11-23/part-00000.parquet`).
    public var path: String
    /// The checksum recorded when it was written (sha256 hex).
    public var checksum: String

    /// Creates an output shard.
    public init(dataset: String, path: String, checksum: String) {
        self.dataset = dataset
        self.path = path
        self.checksum = checksum
    }

    /// `dataset/path`, as causes quote it.
    public var qualifiedPath: String { dataset + "/" + path }
}
