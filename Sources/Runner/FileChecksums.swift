import Digest
import Foundation
import ManifestStore

/// Content checksums of shard files through the manifest's hash cache: a file whose size, mtime and
/// inode are unchanged is not re-read, so a `touch` costs a `stat` and a content change is always
/// seen. The cache is loaded once per run and new entries are written back in batches (it is only
/// a cache: losing entries to a crash costs a re-read, never a wrong answer).
final class FileChecksums: @unchecked Sendable {
    private let manifest: Manifest
    private let lock = NSLock()
    private var known: [String: HashCacheEntry]
    private var pending: [HashCacheEntry] = []

    /// Loads the manifest's cache.
    init(manifest: Manifest) throws {
        self.manifest = manifest
        self.known = try manifest.allCachedChecksums()
    }

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
        lock.lock()
        let hit = known[path]
        lock.unlock()
        if let hit, hit.size == id.size, hit.mtimeNanoseconds == id.mtimeNanoseconds, hit.inode == id.inode {
            return hit.checksum
        }
        let digest: String
        do {
            digest = try SHA256.hash(fileAt: path).hex
        } catch {
            throw RunnerError(.io, "cannot read '\(path)' to checksum it: \(error)")
        }
        let entry = HashCacheEntry(path: path, size: id.size, mtimeNanoseconds: id.mtimeNanoseconds, inode: id.inode, checksum: digest)
        lock.lock()
        known[path] = entry
        pending.append(entry)
        let flushNow = pending.count >= 512
        lock.unlock()
        if flushNow { try flush() }
        return digest
    }

    /// Writes new cache entries to the manifest.
    func flush() throws {
        lock.lock()
        let batch = pending
        pending = []
        lock.unlock()
        try manifest.storeChecksums(batch)
    }
}
