/// What a lookup file says about itself (its `meta` table): which table and version it holds, from
/// which day, and how big it is.
public struct LookupTableMeta: Hashable, Sendable {
    /// The file format version this code writes and reads.
    public static let currentFormat = 1

    /// The format version of the file.
    public var format: Int
    /// The table name (`u2q`, `x2q`).
    public var table: String
    /// The version name (`2026-11-23-0123456789ab`).
    public var version: String
    /// The day the table was built from (`YYYY-MM-DD`).
    public var sourceDay: String
    /// The number of keys (users or triggers, with the default list's key ``LookupTable/defaultKey``).
    public var keys: Int
    /// The number of (key, query) rows over all lists.
    public var rows: Int

    /// Creates a description.
    public init(format: Int = currentFormat, table: String, version: String, sourceDay: String, keys: Int, rows: Int) {
        self.format = format
        self.table = table
        self.version = version
        self.sourceDay = sourceDay
        self.keys = keys
        self.rows = rows
    }
}
