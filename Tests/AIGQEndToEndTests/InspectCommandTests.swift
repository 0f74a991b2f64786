import Columnar
import Foundation
import Testing

/// `aigq inspect` run as a user runs it: exact JSON Lines, readable text, one-sentence errors.
@Suite struct InspectCommandTests {
    static func sampleFile(in dir: TemporaryDirectory) throws -> String {
        let schema = Schema([
            Field("user", .int64, nullable: false),
            Field("ts", .timestamp(.millis, utc: true), nullable: false),
            Field("query", .string),
            Field("score", .double),
            Field("blob", .binary),
            Field("candidates", .list(Field("element", .string))),
        ])
        let batch = try RecordBatch(schema: schema, columns: [
            ColumnArray(values: .int64([7, 8, 9])),
            ColumnArray(values: .int64([1_764_000_000_000, 1_764_000_000_001, 1_764_000_000_002])),
            ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["帐篷 \"x\"", "", ""])), validity: [true, true, false]),
            ColumnArray(values: .double([.nan, -.infinity, 0.5])),
            ColumnArray(values: .byteArray(ByteArrayColumn(offsets: [0, 2, 2, 2], bytes: [0, 1])), validity: [true, false, true]),
            ColumnArray(
                values: .byteArray(ByteArrayColumn(strings: ["a", "", "b"])), validity: [true, false, true],
                list: ListLayout(offsets: [0, 2, 2, 3], validity: [true, false, true])),
        ])
        let path = dir.file("sample.parquet")
        var options = WriterOptions()
        options.keyValueMetadata = ["aigq.schema_version": "1"]
        let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
        try writer.write(batch)
        try writer.close()
        return path
    }

    @Test func jsonLinesFollowTheContractExactly() throws {
        let dir = TemporaryDirectory("inspect")
        let path = try Self.sampleFile(in: dir)
        let result = try AIGQBinary.run(["inspect", "--json", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            {"schema": [{"name": "user", "type": "int64", "nullable": false}, {"name": "ts", "type": "timestamp[ms, UTC]", "nullable": false}, {"name": "query", "type": "string", "nullable": true}, {"name": "score", "type": "double", "nullable": true}, {"name": "blob", "type": "binary", "nullable": true}, {"name": "candidates", "type": "list<string>", "nullable": true}], "rows": 3, "row_groups": 1}
            {"user": 7, "ts": 1764000000000, "query": "帐篷 \\"x\\"", "score": "NaN", "blob": "AAE=", "candidates": ["a", null]}
            {"user": 8, "ts": 1764000000001, "query": "", "score": "-Infinity", "blob": null, "candidates": null}
            {"user": 9, "ts": 1764000000002, "query": null, "score": 0.5, "blob": "", "candidates": ["b"]}

            """)
    }

    @Test func rowsLimitsTheJSONRows() throws {
        let dir = TemporaryDirectory("inspect")
        let path = try Self.sampleFile(in: dir)
        let result = try AIGQBinary.run(["inspect", "--json", "--rows", "1", path])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    @Test func textShowsCodecsEncodingsAndStatistics() throws {
        let dir = TemporaryDirectory("inspect")
        let path = try Self.sampleFile(in: dir)
        let result = try AIGQBinary.run(["inspect", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rows: 3   row groups: 1"))
        #expect(result.stdout.contains("aigq.schema_version = 1"))
        #expect(result.stdout.contains("user: INT64 ZSTD"))
        #expect(result.stdout.contains("min 7 max 9, 0 nulls"))
        #expect(result.stdout.contains("candidates: list<string>"))
    }

    @Test func unreadableFileIsOneSentenceAndExitOne() throws {
        let dir = TemporaryDirectory("inspect")
        let path = dir.file("not.parquet")
        try Data("hello, this is not parquet at all".utf8).write(to: URL(fileURLWithPath: path))
        let result = try AIGQBinary.run(["inspect", path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: \(path): the file does not start with the Parquet magic 'PAR1'; it is not a Parquet file\n")
    }
}
