import Foundation

/// `_MANIFEST.json` of a version folder: what the version holds, where it came from, and the
/// checksum of every file, so a reader can refuse a broken copy.
///
/// ```json
/// {
///   "created" : "2026-11-23T23:59:59Z",
///   "files" : [ { "bytes" : 8192, "name" : "lookup.sqlite", "sha256" : "…" }, … ],
///   "format" : 1, "keys" : 1201, "rows" : 12010, "rows_per_key" : 10,
///   "source_dataset" : "u2q_cooccurrence", "source_day" : "2026-11-23", "source_method" : "cooccurrence",
///   "table" : "u2q", "version" : "2026-11-23-0123456789ab"
/// }
/// ```
/// `created` is the end of the source day, not the wall clock, so the same inputs give the same bytes.
public struct ExportManifest: Hashable, Sendable, Codable {
    /// The manifest format this code writes.
    public static let currentFormat = 1
    /// The manifest's file name inside a version folder.
    public static let fileName = "_MANIFEST.json"

    /// The manifest format.
    public var format: Int
    /// The table (`u2q`, `x2q`).
    public var table: String
    /// The version name, equal to the folder's name.
    public var version: String
    /// Rows of the table: (key, query) pairs.
    public var rows: Int
    /// Keys of the table (users or triggers, plus the default list's key).
    public var keys: Int
    /// The most queries kept per key.
    public var rowsPerKey: Int?
    /// The dataset the table was exported from (`u2q_cooccurrence`, `u2q`, `x2q`).
    public var sourceDataset: String
    /// The method that produced the dataset (`cooccurrence`, `direct`), when known.
    public var sourceMethod: String?
    /// The day the source partition belongs to, `YYYY-MM-DD`.
    public var sourceDay: String
    /// When the version counts as created: the end of the source day, ISO-8601 UTC.
    public var created: String
    /// Every file of the folder except the manifest, sorted by name.
    public var files: [File]

    /// Creates a manifest; `files` are sorted by name.
    public init(
        table: String, version: String, rows: Int, keys: Int, rowsPerKey: Int?, sourceDataset: String,
        sourceMethod: String?, sourceDay: String, created: String, files: [File]
    ) {
        self.format = Self.currentFormat
        self.table = table
        self.version = version
        self.rows = rows
        self.keys = keys
        self.rowsPerKey = rowsPerKey
        self.sourceDataset = sourceDataset
        self.sourceMethod = sourceMethod
        self.sourceDay = sourceDay
        self.created = created
        self.files = files.sorted { $0.name < $1.name }
    }

    /// The end of `day` as ISO-8601 UTC (`2026-11-23T23:59:59Z`): the `created` time of its versions.
    public static func endOfDay(_ day: String) -> String { "\(day)T23:59:59Z" }

    /// The file called `name`, if listed.
    public func file(named name: String) -> File? { files.first { $0.name == name } }

    enum CodingKeys: String, CodingKey {
        case format, table, version, rows, keys, files, created
        case rowsPerKey = "rows_per_key"
        case sourceDataset = "source_dataset"
        case sourceMethod = "source_method"
        case sourceDay = "source_day"
    }
}
