import ArgumentParser
import Columnar

/// `aigq inspect FILE`: a Parquet file's schema, row groups, codecs, encodings, statistics and rows.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a Parquet file's schema, row groups, codecs, encodings and statistics.",
        discussion: """
            With --json, prints JSON Lines: first {"schema": [...], "rows": N, "row_groups": K}, then one \
            object per row (all rows unless --rows): strings as strings, binary as base64, NaN and \
            infinities as "NaN", "Infinity", "-Infinity", timestamps as integers in their unit, nulls as \
            null, lists as arrays.
            """
    )

    @Argument(help: "The Parquet file to inspect.")
    var file: String

    @Option(help: "Also print the first N rows (with --json: print N rows instead of all).")
    var rows: Int?

    @Flag(help: "Print JSON Lines instead of text.")
    var json = false

    @Option(help: "Only these columns, comma-separated (default: all).")
    var columns: String?

    func validate() throws {
        if let rows, rows < 0 { throw ValidationError("--rows must be 0 or more (got \(rows)).") }
    }

    func run() throws {
        let reader = try ParquetFileReader(path: file)
        let selected = columns.map { $0.split(separator: ",").map { String($0).trimmingSpaces() } }
        var out = StandardOutput()
        defer { out.flush() }
        if json {
            let schema = try Schema(selected.map { names in try names.map { try field(named: $0, in: reader) } } ?? reader.schema.fields)
            if selected == nil, let bad = reader.unsupportedColumns.first {
                throw ColumnarError(.unsupported, "column '\(bad.name)': \(bad.reason)").within(file)
            }
            out.line(InspectJSON.header(schema: schema, rows: reader.rowCount, rowGroups: reader.rowGroupCount))
            try printRows(reader, columns: selected, limit: rows ?? Int.max, to: &out)
        } else {
            InspectReport(reader: reader).lines().forEach { out.line($0) }
            if let rows, rows > 0 {
                out.line("")
                out.line("first \(rows) rows:")
                try printRows(reader, columns: selected, limit: rows, to: &out)
            }
        }
    }

    private func field(named name: String, in reader: ParquetFileReader) throws -> Field {
        guard let i = reader.schema.index(of: name) else {
            throw ColumnarError(.invalidArgument, "no column '\(name)'; the file has: \(reader.schema.fields.map(\.name).joined(separator: ", "))").within(file)
        }
        return reader.schema.fields[i]
    }

    private func printRows(_ reader: ParquetFileReader, columns: [String]?, limit: Int, to out: inout StandardOutput) throws {
        var left = limit
        var group = 0
        while left > 0 && group < reader.rowGroupCount {
            let batch = try reader.readRowGroup(group, columns: columns, threads: 2)
            let n = min(left, batch.rowCount)
            InspectJSON.rows(batch, range: 0..<n) { out.line($0) }
            left -= n
            group += 1
        }
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
