import Columnar
import Testing

/// Write → read round trips over type × nullability × codec × encoding × page size × row-group
/// size, against the generated arrays as oracle. The failing combination is in the test's arguments.
@Suite struct RoundTripTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rows: Int
        var nullDensity: Double
        var compression: Compression
        var encoding: ColumnEncoding
        var pageBytes: Int
        var rowGroupRows: Int
        var testDescription: String {
            "rows \(rows), nulls \(nullDensity), \(compression), \(encoding), page \(pageBytes) B, row group \(rowGroupRows)"
        }
    }

    static let cases: [Case] = {
        var out: [Case] = []
        for rows in [0, 1, 257, 1500] {
            for density in [0.0, 0.3, 1.0] {
                for compression in [Compression.uncompressed, .zstd(level: 3)] {
                    for encoding in [ColumnEncoding.auto, .plain, .dictionary, .deltaBinaryPacked] {
                        for (pageBytes, groupRows) in [(64, 100), (1 << 20, 1 << 20)] {
                            out.append(Case(rows: rows, nullDensity: density, compression: compression, encoding: encoding, pageBytes: pageBytes, rowGroupRows: groupRows))
                        }
                    }
                }
            }
        }
        return out
    }()

    @Test(arguments: cases)
    func roundTripsEveryTypeExactly(_ c: Case) throws {
        let dir = TemporaryDirectory("roundtrip")
        var generator = TableGenerator(seed: UInt64(c.rows) &* 31 &+ UInt64(c.nullDensity * 10))
        for nullable in [false, true] where nullable || c.nullDensity == 0 {
            let schema = TableGenerator.schema(nullable: nullable)
            let batch = try generator.batch(schema, rows: c.rows, nullDensity: c.nullDensity)
            var options = WriterOptions()
            options.compression = c.compression
            options.pageBytes = c.pageBytes
            options.rowGroupRows = c.rowGroupRows
            options.threads = 2
            for field in schema.fields {
                switch c.encoding {
                case .deltaBinaryPacked:
                    if [DataType.int32, .int64, .date, .timestamp(.millis, utc: true)].contains(field.type) || field.type == .list(Field("element", .int64, nullable: false)) {
                        options.columnEncodings[field.name] = .deltaBinaryPacked
                    }
                default:
                    options.columnEncodings[field.name] = c.encoding
                }
            }
            let path = dir.file("t-\(nullable).parquet")
            let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
            try writer.write(batch)
            try writer.close()

            let reader = try ParquetFileReader(path: path)
            #expect(reader.schema == schema)
            #expect(reader.rowCount == c.rows)
            #expect(reader.rowGroupCount == max(1, (c.rows + c.rowGroupRows - 1) / c.rowGroupRows))
            let back = try reader.readAll(threads: 2)
            let difference = firstDifference(batch, back)
            #expect(difference == nil, "nullable \(nullable): \(difference ?? "")")
        }
    }

    @Test func readsAProjectionInTheOrderAsked() throws {
        let dir = TemporaryDirectory("projection")
        var generator = TableGenerator(seed: 7)
        let schema = TableGenerator.schema(nullable: true)
        let batch = try generator.batch(schema, rows: 300, nullDensity: 0.2)
        let path = dir.file("p.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema)
        try writer.write(batch)
        try writer.close()
        let back = try ParquetFileReader(path: path).readRowGroup(0, columns: ["tags", "i64"])
        #expect(back.schema.fields.map(\.name) == ["tags", "i64"])
        #expect(firstDifference(back.columns[0], batch.column("tags")!) == nil)
        #expect(firstDifference(back.columns[1], batch.column("i64")!) == nil)
    }

    @Test func unknownProjectedColumnNamesTheColumnsThatExist() throws {
        let dir = TemporaryDirectory("projection")
        let schema = Schema([Field("a", .int64), Field("b", .string)])
        let batch = try RecordBatch(schema: schema, columns: [
            ColumnArray(values: .int64([1])), ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["x"]))),
        ])
        let path = dir.file("p.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema)
        try writer.write(batch)
        try writer.close()
        let error = #expect(throws: ColumnarError.self) { try ParquetFileReader(path: path).readRowGroup(0, columns: ["c"]) }
        #expect(error?.description == "\(path): no column 'c'; the file has: a, b")
    }

    @Test func keyValueMetadataAndCreatedByRoundTrip() throws {
        let dir = TemporaryDirectory("kv")
        let schema = Schema([Field("a", .int64, nullable: false)])
        var options = WriterOptions()
        options.keyValueMetadata = ["aigq.schema_version": "1", "aigq.fingerprint": "abc"]
        let path = dir.file("kv.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
        try writer.write(try RecordBatch(schema: schema, columns: [ColumnArray(values: .int64([1, 2, 3]))]))
        try writer.close()
        let reader = try ParquetFileReader(path: path)
        #expect(reader.keyValueMetadata == options.keyValueMetadata)
        #expect(reader.metadata.createdBy?.hasPrefix("aigq version") == true)
    }

    @Test func statisticsPruneRowGroups() throws {
        let dir = TemporaryDirectory("stats")
        let schema = Schema([Field("user", .int64, nullable: false), Field("q", .string, nullable: true)])
        let users = (0..<1000).map { Int64($0) }
        let qs = ByteArrayColumn(strings: users.map { "q\($0 % 10)" })
        var options = WriterOptions()
        options.rowGroupRows = 100
        let path = dir.file("s.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
        try writer.write(try RecordBatch(schema: schema, columns: [ColumnArray(values: .int64(users)), ColumnArray(values: .byteArray(qs))]))
        try writer.close()
        let reader = try ParquetFileReader(path: path)
        #expect(reader.rowGroupCount == 10)
        let s = reader.statistics(rowGroup: 3, column: "user")
        #expect(s?.min == .int(300))
        #expect(s?.max == .int(399))
        #expect(s?.nullCount == 0)
        #expect(reader.statistics(rowGroup: 0, column: "q")?.min == .bytes(Array("q0".utf8)))
        #expect(try reader.rowGroups(where: "user", from: .int(250), to: .int(420)) == [2, 3, 4])
        #expect(try reader.rowGroups(where: "user", from: .int(5000), to: nil) == [])
    }

    @Test func dictionaryFallsBackToPlainWhenItOutgrowsTheLimit() throws {
        let dir = TemporaryDirectory("fallback")
        let schema = Schema([Field("s", .string, nullable: false)])
        let strings = ByteArrayColumn(strings: (0..<5000).map { "distinct value number \($0)" })
        var options = WriterOptions()
        options.dictionaryLimitBytes = 4096
        let path = dir.file("f.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
        let batch = try RecordBatch(schema: schema, columns: [ColumnArray(values: .byteArray(strings))])
        try writer.write(batch)
        try writer.close()
        let reader = try ParquetFileReader(path: path)
        let encodings = reader.metadata.rowGroups[0].columns[0].metaData?.encodings ?? []
        #expect(!encodings.contains(.rleDictionary))
        #expect(firstDifference(try reader.readAll(), batch) == nil)
    }

    @Test func rejectsABatchOfAnotherSchema() throws {
        let dir = TemporaryDirectory("schema")
        let writer = try ParquetFileWriter(path: dir.file("x.parquet"), schema: Schema([Field("a", .int64)]))
        let other = try RecordBatch(schema: Schema([Field("a", .int32)]), columns: [ColumnArray(values: .int32([1]))])
        #expect(throws: ColumnarError.self) { try writer.write(other) }
    }
}
