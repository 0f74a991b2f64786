public import Foundation

/// One recorded output file of a dataset: where it is, what it was when recorded, and who wrote it.
///
/// ``size``, ``mtimeNanoseconds`` and ``inode`` are the file's `stat` at recording time, so the
/// runner can tell cheaply whether the file may have changed since; ``checksum`` is its content hash.
public struct ShardRecord: Codable, Sendable, Equatable {
    /// The dataset name (`events`, `u2q`, …).
    public var dataset: String
    /// The file's path relative to the workspace; unique within a dataset.
    public var relativePath: String
    /// The file size in bytes.
    public var size: Int64
    /// The file's modification time in nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// The file's inode number.
    public var inode: UInt64
    /// The file's content checksum (e.g. hex SHA-256).
    public var checksum: String
    /// The key of the task that produced the file.
    public var producingTaskKey: String
    /// The fingerprint of the producing task when it produced the file.
    public var producingFingerprint: String
    /// When the shard was recorded (stored with millisecond precision).
    public var recordedAt: Date

    /// Creates a shard record.
    public init(
        dataset: String,
        relativePath: String,
        size: Int64,
        mtimeNanoseconds: Int64,
        inode: UInt64,
        checksum: String,
        producingTaskKey: String,
        producingFingerprint: String,
        recordedAt: Date
    ) {
        self.dataset = dataset
        self.relativePath = relativePath
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
        self.checksum = checksum
        self.producingTaskKey = producingTaskKey
        self.producingFingerprint = producingFingerprint
        self.recordedAt = recordedAt
    }
}
