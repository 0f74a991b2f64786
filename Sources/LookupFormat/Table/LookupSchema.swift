/// The SQLite schema of a lookup file, shared by the writer and the reader.
///
/// ```sql
/// CREATE TABLE entries(key TEXT NOT NULL PRIMARY KEY, queries TEXT NOT NULL) WITHOUT ROWID;
/// CREATE TABLE meta(name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
/// ```
/// `queries` holds the key's list as JSON (``LookupEntry``), best first. The file's
/// `application_id` is ``applicationID`` and its `user_version` the format version, so a reader
/// recognises a lookup file before trusting it.
enum LookupSchema {
    /// `PRAGMA application_id`: "AIGL" in ASCII.
    static let applicationID: Int32 = 0x4149_474C
    /// The page size of every lookup file.
    static let pageSize = 4096

    static let createEntries = "CREATE TABLE entries(key TEXT NOT NULL PRIMARY KEY, queries TEXT NOT NULL) WITHOUT ROWID"
    static let createMeta = "CREATE TABLE meta(name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
    static let insertEntry = "INSERT INTO entries(key, queries) VALUES (?, ?)"
    static let insertMeta = "INSERT INTO meta(name, value) VALUES (?, ?)"
    static let selectEntry = "SELECT queries FROM entries WHERE key = ?"
    static let selectAll = "SELECT key, queries FROM entries ORDER BY key"
    static let selectMeta = "SELECT name, value FROM meta"
}
