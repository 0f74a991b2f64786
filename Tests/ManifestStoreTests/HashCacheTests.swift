import Foundation
import Testing
@testable import ManifestStore

@Suite struct HashCacheTests {
    static let entry = HashCacheEntry(
        path: "events/dt=2026-11-23/part-00003-of-00008.parquet", size: 4096,
        mtimeNanoseconds: 1_790_000_000_123_456_789, inode: UInt64.max - 7, checksum: "abc123")

    @Test func hitsWhenPathSizeMtimeAndInodeAllMatch() throws {
        let manifest = try Manifest.inMemory()
        try manifest.storeChecksum(Self.entry)
        let e = Self.entry
        #expect(try Self.lookUp(manifest, e) == "abc123")
    }

    enum Change: String, CaseIterable { case path, size, mtime, inode }

    @Test(arguments: Change.allCases)
    func missesWhenOneKeyDiffers(_ change: Change) throws {
        let manifest = try Manifest.inMemory()
        try manifest.storeChecksum(Self.entry)
        var e = Self.entry
        switch change {
        case .path: e.path += ".tmp"
        case .size: e.size += 1
        case .mtime: e.mtimeNanoseconds += 1  // a `touch`
        case .inode: e.inode -= 1  // replaced by rename
        }
        #expect(try Self.lookUp(manifest, e) == nil)
    }

    @Test func storingAgainReplacesThePathsEntry() throws {
        let manifest = try Manifest.inMemory()
        try manifest.storeChecksum(Self.entry)
        var touched = Self.entry
        touched.mtimeNanoseconds += 1_000
        try manifest.storeChecksum(touched)
        let e = Self.entry
        #expect(try Self.lookUp(manifest, e) == nil)
        #expect(try manifest.cachedChecksum(
            path: e.path, size: e.size, mtimeNanoseconds: touched.mtimeNanoseconds, inode: e.inode) == "abc123")
        #expect(try manifest.hashCacheCount() == 1)
    }

    @Test func prunesPathsNotKept() throws {
        let manifest = try Manifest.inMemory()
        let entries = (0..<5).map {
            HashCacheEntry(path: "f\($0)", size: 1, mtimeNanoseconds: 1, inode: 1, checksum: "c\($0)")
        }
        try manifest.storeChecksums(entries)
        #expect(try manifest.pruneHashCache(keeping: ["f1", "f3", "unknown"]) == 3)
        #expect(try manifest.hashCacheCount() == 2)
        #expect(try manifest.cachedChecksum(path: "f3", size: 1, mtimeNanoseconds: 1, inode: 1) == "c3")
    }

    private static func lookUp(_ manifest: Manifest, _ e: HashCacheEntry) throws -> String? {
        try manifest.cachedChecksum(path: e.path, size: e.size, mtimeNanoseconds: e.mtimeNanoseconds, inode: e.inode)
    }
}
