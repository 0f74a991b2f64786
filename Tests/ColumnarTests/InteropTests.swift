import Columnar
import Foundation
import Testing

/// Files other tools write are read exactly; files we write are read exactly by pyarrow and DuckDB.
/// Needs the test venv (Tests/run.sh sets AIGQ_PYTHON); skipped without it.
@Suite(.enabled(if: PythonPeer.python != nil, "needs AIGQ_PYTHON (run Tests/run.sh)"))
struct InteropTests {
    /// Parses JSON Lines into comparable objects.
    static func parse(_ lines: [String]) throws -> [NSObject] {
        try lines.filter { !$0.isEmpty }.map {
            try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) as! NSObject
        }
    }

    /// Our reading of `path`, as inspect JSON Lines.
    static func render(_ path: String) throws -> [String] {
        let reader = try ParquetFileReader(path: path)
        var lines = [InspectJSON.header(schema: reader.schema, rows: reader.rowCount, rowGroups: reader.rowGroupCount)]
        for g in 0..<reader.rowGroupCount {
            InspectJSON.rows(try reader.readRowGroup(g)) { lines.append($0) }
        }
        return lines
    }

    @Test func readsWhatPyarrowDuckDBAndPolarsWrite() throws {
        let dir = TemporaryDirectory("fixtures")
        let made = try PythonPeer.run("make_parquet_fixtures.py", [dir.path])
        try #require(made.status == 0, "make_parquet_fixtures.py failed: \(made.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".parquet") }.sorted()
        #expect(files.count >= 30, "expected many fixtures, got \(files.count)")
        var failures: [String] = []
        for file in files {
            let path = dir.file(file)
            let expectedPath = path.replacingOccurrences(of: ".parquet", with: ".expected.jsonl")
            guard let expectedText = try? String(contentsOfFile: expectedPath, encoding: .utf8) else { continue }
            do {
                let expected = try Self.parse(expectedText.components(separatedBy: "\n"))
                let actual = try Self.parse(try Self.render(path))
                if expected.count != actual.count {
                    failures.append("\(file): \(actual.count) lines, expected \(expected.count)")
                    continue
                }
                for (i, (e, a)) in zip(expected, actual).enumerated() where !e.isEqual(a) {
                    failures.append("\(file): line \(i + 1) differs:\n  expected \(e)\n  actual   \(a)")
                    break
                }
            } catch {
                failures.append("\(file): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(files.count) fixtures differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test func pyarrowAndDuckDBReadWhatWeWrite() throws {
        let dir = TemporaryDirectory("ours")
        var generator = TableGenerator(seed: 2026)
        var written = 0
        for rows in [1, 10, 10_000] {
            for (compression, codecName) in [(Compression.zstd(level: 3), "ZSTD"), (.uncompressed, "UNCOMPRESSED"), (.snappy, "SNAPPY"), (.gzip(level: 6), "GZIP")] {
                for encoding in [ColumnEncoding.auto, .plain] {
                    for nullable in [false, true] {
                        let schema = TableGenerator.schema(nullable: nullable)
                        let batch = try generator.batch(schema, rows: rows, nullDensity: nullable ? 0.25 : 0)
                        var options = WriterOptions()
                        options.compression = compression
                        options.rowGroupRows = max(1, rows / 3)
                        options.pageBytes = rows > 100 ? 4096 : 1 << 20
                        for field in schema.fields { options.columnEncodings[field.name] = encoding }
                        let name = "ours-\(rows)-\(codecName)-\(encoding)-\(nullable)"
                        let writer = try ParquetFileWriter(path: dir.file(name + ".parquet"), schema: schema, options: options)
                        try writer.write(batch)
                        try writer.close()
                        var header = InspectJSON.header(schema: schema, rows: rows, rowGroups: writer.rowsWritten == 0 ? 1 : (rows + options.rowGroupRows - 1) / options.rowGroupRows)
                        header.removeLast()
                        header += ", \"expect_codec\": \"\(codecName)\", \"expect_created_by_prefix\": \"aigq\"}"
                        var lines = [header]
                        InspectJSON.rows(batch) { lines.append($0) }
                        try (lines.joined(separator: "\n") + "\n").write(toFile: dir.file(name + ".expected.jsonl"), atomically: true, encoding: .utf8)
                        written += 1
                    }
                }
            }
        }
        let checked = try PythonPeer.run("check_parquet_files.py", [dir.path])
        #expect(checked.status == 0, "check_parquet_files.py found differences:\n\(checked.output)")
        #expect(checked.output.contains("\(written) passed, 0 failed"), "\(checked.output)")
    }
}
