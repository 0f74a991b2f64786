import Foundation
import GRDB

/// Writes a lookup file: an SQLite database (through GRDB) with one row per key holding its list.
///
/// ```swift
/// let writer = try LookupTableWriter(path: folder + "/lookup.sqlite", table: "u2q",
///                                    version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23")
/// try writer.append(key: "*", entries: defaultList)        // keys in increasing UTF-8 byte order
/// try writer.append(key: "42", entries: [LookupEntry(query: "帐篷", score: 3)])
/// let meta = try writer.finish()                           // commits, closes, fsyncs
/// ```
///
/// The same appends always give the same bytes: a fixed page size, no journal, one transaction,
/// keys inserted in order (``LookupTableWriter/precedes(_:_:)``), lists written as canonical JSON, a
/// sorted `meta` table. The file is meant for a new path inside a temporary folder that is renamed
/// into place once complete; a writer that throws leaves a partial file there.
public final class LookupTableWriter {
    /// The file being written.
    public let path: String
    private let table: String
    private let version: String
    private let sourceDay: String
    private var queue: DatabaseQueue?
    private var lastKey: String?
    private var keys = 0
    private var rows = 0

    /// Creates the file at `path` (which must not exist) for version `version` of `table`.
    public init(path: String, table: String, version: String, sourceDay: String) throws {
        guard !FileSystem.exists(path) else {
            throw LookupError(.invalidArgument, "'\(path)' already exists; a lookup file is written once, into a new path")
        }
        self.path = path
        self.table = table
        self.version = version
        self.sourceDay = sourceDay
        var configuration = Configuration()
        configuration.label = "aigq lookup writer"
        configuration.allowsUnsafeTransactions = true  // one transaction spans every append()
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.inDatabase { db in
                try db.execute(sql: "PRAGMA page_size = \(LookupSchema.pageSize)")
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
                try db.execute(sql: "PRAGMA application_id = \(LookupSchema.applicationID)")
                try db.execute(sql: "PRAGMA user_version = \(LookupTableMeta.currentFormat)")
                try db.execute(sql: LookupSchema.createEntries)
                try db.execute(sql: LookupSchema.createMeta)
                try db.beginTransaction(.exclusive)
            }
            self.queue = queue
        } catch {
            throw LookupError(.io, "cannot create the lookup file '\(path)': \(error)")
        }
    }

    /// Whether `a` sorts before `b` in the order keys must be appended: their UTF-8 bytes, as SQLite
    /// compares text. Use it to sort keys before writing.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Appends the list of `key` (best first). Keys must come in strictly increasing
    /// ``precedes(_:_:)`` order; an empty list is stored as such.
    public func append(key: String, entries: [LookupEntry]) throws {
        guard let queue else {
            throw LookupError(.invalidArgument, "the lookup file '\(path)' is finished; append before finish()")
        }
        if let lastKey, !Self.precedes(lastKey, key) {
            throw LookupError(.invalidArgument, "key '\(key)' comes after '\(lastKey)' in '\(path)'; append keys once each, in increasing UTF-8 byte order")
        }
        let json = try LookupEntry.json(entries, key: key)
        do {
            try queue.inDatabase { db in
                try db.cachedStatement(sql: LookupSchema.insertEntry).execute(arguments: [key, json])
            }
        } catch {
            throw LookupError(.io, "cannot write key '\(key)' to '\(path)': \(error)")
        }
        lastKey = key
        keys += 1
        rows += entries.count
    }

    /// Writes the `meta` table, commits, closes and fsyncs the file; returns what it holds.
    @discardableResult
    public func finish() throws -> LookupTableMeta {
        guard let queue else {
            throw LookupError(.invalidArgument, "the lookup file '\(path)' is already finished")
        }
        let meta = LookupTableMeta(table: table, version: version, sourceDay: sourceDay, keys: keys, rows: rows)
        do {
            try queue.inDatabase { db in
                for (name, value) in meta.storedPairs {
                    try db.cachedStatement(sql: LookupSchema.insertMeta).execute(arguments: [name, value])
                }
                try db.commit()
            }
            try queue.close()
        } catch {
            throw LookupError(.io, "cannot finish the lookup file '\(path)': \(error)")
        }
        self.queue = nil
        try FileSystem.syncFile(path)
        return meta
    }
}
