/// What the runner found on disk for one recorded output shard.
public struct ObservedOutput: Hashable, Sendable {
    /// The dataset's name.
    public var dataset: String
    /// The shard's path inside the dataset.
    public var path: String
    /// Whether the shard exists now.
    public var exists: Bool
    /// Its current checksum, when the runner computed one; `nil` means "exists, not re-hashed".
    public var checksum: String?

    /// Creates an observation.
    public init(dataset: String, path: String, exists: Bool, checksum: String? = nil) {
        self.dataset = dataset
        self.path = path
        self.exists = exists
        self.checksum = checksum
    }

    /// A shard that exists, with its checksum if computed.
    public static func present(_ dataset: String, _ path: String, checksum: String? = nil) -> ObservedOutput {
        ObservedOutput(dataset: dataset, path: path, exists: true, checksum: checksum)
    }

    /// A shard that no longer exists.
    public static func deleted(_ dataset: String, _ path: String) -> ObservedOutput {
        ObservedOutput(dataset: dataset, path: path, exists: false)
    }
}
