import Digest
import Foundation
import ManifestStore

/// Content checksums of shard files, read through the manifest's hash cache: a file whose size,
/// mtime and inode are unchanged is not re-read, so a `touch` costs a `stat`, and a content change
/// is always seen.
struct FileChecksums {
    let manifest: Manifest

    /// The file's identity as the hash cache keys it.
    struct Identity {
        var size: Int64
        var mtimeNanoseconds: Int64
        var inode: UInt64
    }

    /// The identity of `path`, or nil when it does not exist.
    static func identity(of path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(
            size: Int64(st.st_size), mtimeNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            inode: UInt64(st.st_ino))
    }

    /// The SHA-256 (hex) of `path`, from the cache when the file is unchanged; nil when it is missing.
    func checksum(of path: String) throws -> String? {
        guard let id = Self.identity(of: path) else { return nil }
        if let cached = try manifest.cachedChecksum(path: path, size: id.size, mtimeNanoseconds: id.mtimeNanoseconds, inode: id.inode) {
            return cached
        }
        let digest: String
        do {
            digest = try SHA256.hash(fileAt: path).hex
        } catch {
            throw RunnerError(.io, "cannot read '\(path)' to checksum it: \(error)")
        }
        try manifest.storeChecksum(
            HashCacheEntry(path: path, size: id.size, mtimeNanoseconds: id.mtimeNanoseconds, inode: id.inode, checksum: digest))
        return digest
    }
}
