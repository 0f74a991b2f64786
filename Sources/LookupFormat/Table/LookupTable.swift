import Foundation
import GRDB

/// A lookup file opened read-only: the list of a key (a user id or a trigger) in one indexed read.
///
/// ```swift
/// let table = try LookupTable(path: "Workspace/exports/u2q/2026-11-23-0123456789ab/lookup.sqlite")
/// let hints = try table.lookup("42")                       // [] when the user has no list
/// let fallback = try table.lookup(LookupTable.defaultKey)  // the list for users without one
/// print(table.meta.version, table.meta.keys)
/// ```
///
/// The file is opened with SQLite's `immutable` flag where the SQLite library accepts URI file
/// names (no locks, no change checks: version folders never change), read-only otherwise. Reads
/// are serialised on one connection; a server wanting parallel reads opens one table per worker,
/// or loads every list once with ``forEach(_:)``.
public final class LookupTable: Sendable {
    /// The key of the default list: the list for keys that have none of their own (u2q: users
    /// without a list; `user = -1` in the u2q datasets). Never a user id or a trigger.
    public static let defaultKey = "*"

    /// The file.
    public let path: String
    /// What the file says about itself.
    public let meta: LookupTableMeta
    private let queue: DatabaseQueue

    /// Opens the lookup file at `path` read-only and checks that it is one (application id, format,
    /// a complete `meta` table).
    public init(path: String) throws {
        guard FileSystem.exists(path) else {
            throw LookupError(.notFound, "no lookup file at '\(path)'")
        }
        self.path = path
        self.queue = try Self.open(path)
        self.meta = try Self.readMeta(queue, path: path)
    }

    /// The number of keys.
    public var keys: Int { meta.keys }

    /// The number of (key, query) rows.
    public var rows: Int { meta.rows }

    /// The list of `key`, best first; empty when the table has no such key.
    public func lookup(_ key: String) throws -> [LookupEntry] {
        let json: String?
        do {
            json = try queue.inDatabase { db in
                try String.fetchOne(db.cachedStatement(sql: LookupSchema.selectEntry), arguments: [key])
            }
        } catch {
            throw LookupError(.io, "cannot read key '\(key)' from '\(path)': \(error)")
        }
        guard let json else { return [] }
        return try LookupEntry.entries(json: json, key: key, path: path)
    }

    /// Whether `key` has a list (possibly empty).
    public func contains(_ key: String) throws -> Bool {
        do {
            return try queue.inDatabase { db in
                try String.fetchOne(db.cachedStatement(sql: LookupSchema.selectEntry), arguments: [key]) != nil
            }
        } catch {
            throw LookupError(.io, "cannot read key '\(key)' from '\(path)': \(error)")
        }
    }

    /// Calls `body` with every key and its list, in key order (UTF-8 bytes).
    public func forEach(_ body: (_ key: String, _ entries: [LookupEntry]) throws -> Void) throws {
        let path = self.path
        try queue.read { db in
            let rows: RowCursor
            do {
                rows = try Row.fetchCursor(db, sql: LookupSchema.selectAll)
            } catch {
                throw LookupError(.io, "cannot read '\(path)': \(error)")
            }
            while let row = try nextRow(rows) {
                let key: String = row[0]
                try body(key, try LookupEntry.entries(json: row[1], key: key, path: path))
            }
        }
    }

    private func nextRow(_ rows: RowCursor) throws -> Row? {
        do {
            return try rows.next()
        } catch {
            throw LookupError(.io, "cannot read '\(path)': \(error)")
        }
    }

    private static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "aigq lookup"
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        if let queue = try? DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: configuration) {
            return queue
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw LookupError(.broken, "cannot open the lookup file '\(path)': \(error)")
        }
    }

    private static func readMeta(_ queue: DatabaseQueue, path: String) throws -> LookupTableMeta {
        let (applicationID, format, pairs): (Int32, Int, [String: String])
        do {
            (applicationID, format, pairs) = try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let format = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard applicationID == LookupSchema.applicationID, try db.tableExists("meta") else {
                    return (applicationID, format, [:])
                }
                let rows = try Row.fetchAll(db, sql: LookupSchema.selectMeta)
                let pairs = Dictionary(rows.map { ($0[0] as String, $0[1] as String) }, uniquingKeysWith: { a, _ in a })
                return (applicationID, format, pairs)
            }
        } catch {
            throw LookupError(.broken, "cannot read the lookup file '\(path)': \(error); rebuild it")
        }
        guard applicationID == LookupSchema.applicationID else {
            throw LookupError(.broken, "'\(path)' is not an aigq lookup file (SQLite application id \(applicationID))")
        }
        guard format <= LookupTableMeta.currentFormat else {
            throw LookupError(.broken, "'\(path)' has lookup format \(format), newer than this aigq's \(LookupTableMeta.currentFormat); update aigq")
        }
        return try LookupTableMeta(storedPairs: pairs, path: path)
    }
}
