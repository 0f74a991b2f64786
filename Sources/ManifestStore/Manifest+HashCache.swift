import GRDB

extension Manifest {
    /// The remembered checksum of the file at `path`, or `nil` unless its size, mtime and inode all
    /// equal the ones remembered with it.
    public func cachedChecksum(path: String, size: Int64, mtimeNanoseconds: Int64, inode: UInt64) throws -> String? {
        try read("look up the checksum of '\(path)'") { db in
            try String.fetchOne(
                db,
                sql: "SELECT checksum FROM hash_cache WHERE path = ? AND size = ? AND mtime_ns = ? AND inode = ?",
                arguments: [path, size, mtimeNanoseconds, Int64(bitPattern: inode)])
        }
    }

    /// Remembers a file's checksum, replacing whatever was remembered for its path.
    public func storeChecksum(_ entry: HashCacheEntry) throws {
        try storeChecksums([entry])
    }

    /// Remembers many checksums in one transaction (one fsync instead of one per file).
    public func storeChecksums(_ entries: [HashCacheEntry]) throws {
        guard !entries.isEmpty else { return }
        try write("store \(entries.count) checksum(s)") { db in
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO hash_cache (path, size, mtime_ns, inode, checksum) VALUES (?, ?, ?, ?, ?)")
            for entry in entries {
                try statement.execute(arguments: [
                    entry.path, entry.size, entry.mtimeNanoseconds, Int64(bitPattern: entry.inode), entry.checksum,
                ])
            }
        }
    }

    /// Forgets the remembered checksums of every path not in `paths`; returns how many were forgotten.
    @discardableResult
    public func pruneHashCache(keeping paths: Set<String>) throws -> Int {
        try write("prune the checksum cache") { db in
            let stored = try String.fetchAll(db, sql: "SELECT path FROM hash_cache")
            let statement = try db.cachedStatement(sql: "DELETE FROM hash_cache WHERE path = ?")
            var removed = 0
            for path in stored where !paths.contains(path) {
                try statement.execute(arguments: [path])
                removed += 1
            }
            return removed
        }
    }

    /// How many checksums are remembered.
    public func hashCacheCount() throws -> Int {
        try read("count cached checksums") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hash_cache") ?? 0 }
    }
}
