/// One shard a task reads: its dataset, its path inside the dataset, and its content checksum.
///
/// The checksum is the shard's fingerprint in the task fingerprint, which gives early cut-off: when an
/// upstream rerun writes byte-identical shards, the downstream fingerprint does not change.
public struct InputShard: Hashable, Sendable, Comparable {
    /// The dataset's name (`events`).
    public var dataset: String
    /// The shard's path inside the dataset (`dt=2026-11-23/bucket=003`, or a file path).
    public var path: String
    /// The shard's content checksum (sha256 hex).
    public var checksum: String

    /// Creates an input shard.
    public init(dataset: String, path: String, checksum: String) {
        self.dataset = dataset
        self.path = path
        self.checksum = checksum
    }

    /// How causes name the shard: the dataset then the path's parts, `events dt=2026-11-23 bucket=003`.
    public var displayName: String {
        ([dataset] + path.split(separator: "/").map(String.init)).joined(separator: " ")
    }

    /// Orders by dataset, then path (by UTF-8 bytes, as in the fingerprint record).
    public static func < (lhs: InputShard, rhs: InputShard) -> Bool {
        if lhs.dataset != rhs.dataset { return lhs.dataset.utf8.lexicographicallyPrecedes(rhs.dataset.utf8) }
        return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8)
    }
}
