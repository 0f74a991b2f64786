// Seed corpus from our own writer. libFuzzer owns `main`, so the seeds are written from
// `LLVMFuzzerInitialize` (called by libFuzzer before anything else) when the environment variable
// AIGQ_FUZZ_WRITE_SEEDS names a directory; the process then exits without fuzzing.
//
//     AIGQ_FUZZ_WRITE_SEEDS=Tests/Fuzz/corpus-seeds .build-fuzz/debug/ColumnarFuzz

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Columnar

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    guard let dir = getenv("AIGQ_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }), !dir.isEmpty else { return 0 }
    // Everything is released before `exit`, so LeakSanitizer's exit check stays quiet.
    exit(writeSeeds(to: dir) ? 0 : 1)
}

private func writeSeeds(to dir: String) -> Bool {
    var written = 0
    for seed in SeedFiles.all() {
        let path = dir + "/aigq-" + seed.name + ".parquet"
        do {
            let writer = try ParquetFileWriter(path: path, schema: seed.batch.schema, options: seed.options)
            try writer.write(seed.batch)
            _ = try writer.close()
            written += 1
        } catch {
            print("seed \(seed.name): \(error)")
            return false
        }
    }
    print("wrote \(written) seed files to \(dir)")
    return true
}

/// Small tables (a few rows) in every shape and encoding our writer produces.
enum SeedFiles {
    struct Seed {
        var name: String
        var batch: RecordBatch
        var options: WriterOptions
    }

    static func all() -> [Seed] {
        var seeds: [Seed] = []
        let full = fullBatch()
        let codecs: [(String, Compression)] = [
            ("plain", .uncompressed), ("snappy", .snappy), ("gzip", .gzip(level: 6)), ("zstd", .zstd(level: 3)),
        ]
        for (codecName, codec) in codecs {
            for (encName, enc) in [("auto", ColumnEncoding.auto), ("plainenc", .plain), ("dict", .dictionary)] {
                var o = small(codec)
                for f in full.schema.fields { o.columnEncodings[f.name] = enc }
                seeds.append(Seed(name: "\(codecName)-\(encName)", batch: full, options: o))
            }
        }
        // DELTA_BINARY_PACKED on the integer columns, several pages and row groups.
        var delta = small(.uncompressed)
        for name in ["i32", "i64", "ts", "day"] { delta.columnEncodings[name] = .deltaBinaryPacked }
        seeds.append(Seed(name: "delta", batch: full, options: delta))
        var pages = delta
        pages.pageRows = 2
        pages.rowGroupRows = 3
        seeds.append(Seed(name: "delta-pages", batch: full, options: pages))
        // Many tiny pages and row groups, with dictionaries.
        var tiny = small(.snappy)
        tiny.pageRows = 1
        tiny.rowGroupRows = 2
        seeds.append(Seed(name: "tiny-pages", batch: full, options: tiny))
        // No statistics, key-value metadata.
        var bare = small(.uncompressed)
        bare.statistics = false
        bare.keyValueMetadata = ["k": "v", "aigq": "{\"x\":1}"]
        seeds.append(Seed(name: "nostats-kv", batch: full, options: bare))
        // Required (non-null) columns only.
        seeds.append(Seed(name: "required", batch: requiredBatch(), options: small(.uncompressed)))
        // Zero rows.
        if let empty = try? RecordBatch(schema: full.schema, columns: full.schema.fields.map { emptyColumn($0.type) }) {
            seeds.append(Seed(name: "empty", batch: empty, options: small(.uncompressed)))
        }
        return seeds
    }

    private static func small(_ codec: Compression) -> WriterOptions {
        var o = WriterOptions()
        o.compression = codec
        o.createdBy = "aigq fuzz seeds"
        return o
    }

    private static func emptyColumn(_ type: DataType) -> ColumnArray {
        ColumnArray(values: .empty(for: type), list: type.isList ? ListLayout(offsets: [0]) : nil)
    }

    /// Six rows, every type, nulls in every nullable column, lists with null and empty rows.
    static func fullBatch() -> RecordBatch {
        let schema = Schema([
            Field("b", .boolean),
            Field("i32", .int32),
            Field("i64", .int64),
            Field("f", .float),
            Field("d", .double),
            Field("s", .string),
            Field("bin", .binary),
            Field("ts", .timestamp(.millis, utc: true)),
            Field("day", .date),
            Field("tags", .list(Field("element", .string))),
            Field("nums", .list(Field("element", .int64, nullable: false)), nullable: false),
        ])
        let valid = [true, false, true, true, true, false]
        let columns: [ColumnArray] = [
            ColumnArray(values: .boolean([true, false, false, true, true, false]), validity: valid),
            ColumnArray(values: .int32([1, 0, -7, 1, 2_000_000_000, 0]), validity: valid),
            ColumnArray(values: .int64([10, 0, 12, 13, 14, 0]), validity: valid),
            ColumnArray(values: .float([1.5, 0, .nan, -.infinity, 0.1, 0]), validity: valid),
            ColumnArray(values: .double([2.5, 0, -0.0, .infinity, 1e300, 0]), validity: valid),
            ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["a", "", "héllo", "a", "\"q\"\n", ""])), validity: valid),
            ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["\u{0}", "", "xyz", "xyz", "", ""])), validity: valid),
            ColumnArray(values: .int64([1_764_000_000_000, 0, 1_764_000_000_001, 1_764_000_000_005, 1_764_000_000_009, 0]), validity: valid),
            ColumnArray(values: .int32([20_000, 0, 20_001, 20_002, 19_000, 0]), validity: valid),
            ColumnArray(
                values: .byteArray(ByteArrayColumn(strings: ["x", "y", "", "x", "z"])),
                validity: [true, true, false, true, true],
                list: ListLayout(offsets: [0, 2, 2, 3, 3, 4, 5], validity: [true, true, true, false, true, true])),
            ColumnArray(values: .int64([1, 2, 3, 4, 5, 6, 7]), list: ListLayout(offsets: [0, 1, 3, 3, 4, 6, 7])),
        ]
        return try! RecordBatch(schema: schema, columns: columns)
    }

    static func requiredBatch() -> RecordBatch {
        let schema = Schema([
            Field("id", .int64, nullable: false),
            Field("name", .string, nullable: false),
            Field("ok", .boolean, nullable: false),
            Field("score", .double, nullable: false),
        ])
        let columns: [ColumnArray] = [
            ColumnArray(values: .int64([1, 2, 3, 4])),
            ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["ann", "bob", "ann", "cy"]))),
            ColumnArray(values: .boolean([true, true, false, true])),
            ColumnArray(values: .double([0.5, 0.25, 0.5, 1])),
        ]
        return try! RecordBatch(schema: schema, columns: columns)
    }
}
