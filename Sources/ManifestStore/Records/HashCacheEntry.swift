/// A remembered content checksum of a file, valid while its path, size, mtime and inode are unchanged.
///
/// A `touch` changes the mtime, so the file is hashed again; an unchanged file is not re-read.
public struct HashCacheEntry: Codable, Sendable, Equatable {
    /// The file's path (as the runner spells it; usually relative to the workspace).
    public var path: String
    /// The file size in bytes.
    public var size: Int64
    /// The file's modification time in nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// The file's inode number.
    public var inode: UInt64
    /// The content checksum computed for that (path, size, mtime, inode).
    public var checksum: String

    /// Creates a hash cache entry.
    public init(path: String, size: Int64, mtimeNanoseconds: Int64, inode: UInt64, checksum: String) {
        self.path = path
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
        self.checksum = checksum
    }
}
