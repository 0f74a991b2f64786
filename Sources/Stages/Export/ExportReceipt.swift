import Foundation

/// `receipt.json`, the export stage's output in the `export_receipts` dataset: what each table's
/// export did. Paths are relative to the workspace.
///
/// ```json
/// {"day": "2026-11-23", "tables": [{"commit": "created", "current": "2026-11-23-0123456789ab",
///   "keys": 1201, "path": "exports/u2q/2026-11-23-0123456789ab", "rows": 12010,
///   "source_dataset": "u2q_cooccurrence", "switched": true, "table": "u2q",
///   "version": "2026-11-23-0123456789ab"}]}
/// ```
public struct ExportReceipt: Hashable, Sendable, Codable {
    /// One table's export.
    public struct Table: Hashable, Sendable, Codable {
        /// The table name.
        public var table: String
        /// The version exported.
        public var version: String
        /// Rows exported.
        public var rows: Int
        /// Keys exported.
        public var keys: Int
        /// The dataset exported.
        public var sourceDataset: String
        /// The version folder, relative to the workspace.
        public var path: String
        /// `created`, `reused` (an identical version folder existed) or `replaced` (a broken one did).
        public var commit: String
        /// Whether `CURRENT` was switched to this version.
        public var switched: Bool
        /// The version `CURRENT` names afterwards (a later day's, after a backfill).
        public var current: String

        /// Creates an entry.
        public init(
            table: String, version: String, rows: Int, keys: Int, sourceDataset: String, path: String, commit: String,
            switched: Bool, current: String
        ) {
            self.table = table
            self.version = version
            self.rows = rows
            self.keys = keys
            self.sourceDataset = sourceDataset
            self.path = path
            self.commit = commit
            self.switched = switched
            self.current = current
        }

        enum CodingKeys: String, CodingKey {
            case table, version, rows, keys, path, commit, switched, current
            case sourceDataset = "source_dataset"
        }
    }

    /// The day exported.
    public var day: String
    /// The tables, in export order (u2q, then x2q).
    public var tables: [Table]

    /// Creates a receipt.
    public init(day: String, tables: [Table]) {
        self.day = day
        self.tables = tables
    }

    /// The JSON text, sorted keys, with a trailing newline.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
