/// The `meta` table's rows: `name → value` text pairs, sorted by name.
extension LookupTableMeta {
    /// The rows written to `meta`, sorted by name.
    var storedPairs: [(String, String)] {
        [
            ("format", String(format)), ("keys", String(keys)), ("rows", String(rows)),
            ("source_day", sourceDay), ("table", table), ("version", version),
        ]
    }

    /// Reads the rows of `meta`; throws naming the missing or malformed row.
    init(storedPairs pairs: [String: String], path: String) throws {
        func text(_ name: String) throws -> String {
            guard let value = pairs[name] else {
                throw LookupError(.broken, "'\(path)' has no '\(name)' in its meta table; it is not a complete lookup file, rebuild it")
            }
            return value
        }
        func number(_ name: String) throws -> Int {
            guard let value = Int(try text(name)) else {
                throw LookupError(.broken, "'\(path)': meta '\(name)' is '\(pairs[name] ?? "")', not a number; rebuild it")
            }
            return value
        }
        self.init(
            format: try number("format"), table: try text("table"), version: try text("version"),
            sourceDay: try text("source_day"), keys: try number("keys"), rows: try number("rows"))
    }
}
