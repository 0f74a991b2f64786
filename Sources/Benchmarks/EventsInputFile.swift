import Columnar

/// The benchmark's input: ``BenchmarkEventsTable`` written once, by our writer, UNCOMPRESSED, in
/// row groups of 1 Mi rows. Every tool loads this same file.
public enum EventsInputFile {
    /// Rows per row group (and per generated chunk).
    public static let rowGroupRows = 1 << 20

    /// Generates `rows` events and writes them to `path`; returns the file's size in bytes.
    public static func write(rows: Int, to path: String, seed: UInt64 = BenchmarkEventsTable.defaultSeed) throws -> Int {
        var options = WriterOptions()
        options.compression = .uncompressed
        options.rowGroupRows = rowGroupRows
        options.threads = 2
        let writer = try ParquetFileWriter(path: path, schema: BenchmarkEventsTable.schema, options: options)
        var table = BenchmarkEventsTable(rows: rows, seed: seed)
        while let batch = table.next(maxRows: rowGroupRows) {
            try writer.write(batch)
        }
        try writer.close()
        return try fileSize(path)
    }
}
