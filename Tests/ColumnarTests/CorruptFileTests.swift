import Columnar
import Foundation
import Testing

/// Truncated, corrupt and hostile files give a ColumnarError naming the file and the part that is
/// wrong, never a crash, a hang or a huge allocation.
@Suite struct CorruptFileTests {
    /// A small valid file with dictionary, plain and list columns over several pages and row groups.
    static func validFile(in dir: TemporaryDirectory) throws -> (path: String, bytes: [UInt8]) {
        var generator = TableGenerator(seed: 99)
        let schema = TableGenerator.schema(nullable: true)
        let batch = try generator.batch(schema, rows: 300, nullDensity: 0.2)
        var options = WriterOptions()
        options.rowGroupRows = 120
        options.pageBytes = 256
        let path = dir.file("valid.parquet")
        let writer = try ParquetFileWriter(path: path, schema: schema, options: options)
        try writer.write(batch)
        try writer.close()
        return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Reads every row group of `path`; returns the error, or nil when it read fine.
    static func readError(_ path: String) -> ColumnarError? {
        do {
            let reader = try ParquetFileReader(path: path)
            for g in 0..<reader.rowGroupCount { _ = try reader.readRowGroup(g) }
            return nil
        } catch let error as ColumnarError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func everyTruncationIsAnErrorNamingTheFile() throws {
        let dir = TemporaryDirectory("truncate")
        let (_, bytes) = try Self.validFile(in: dir)
        let path = dir.file("cut.parquet")
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            try Self.write(Array(bytes[..<cut]), path)
            let error = Self.readError(path)
            #expect(error != nil, "cut at \(cut) of \(bytes.count) read without error")
            #expect(error?.context.first == path)
        }
    }

    @Test func badMagicSaysItIsNotParquet() throws {
        let dir = TemporaryDirectory("magic")
        var (_, bytes) = try Self.validFile(in: dir)
        bytes[0] = UInt8(ascii: "X")
        let path = dir.file("bad.parquet")
        try Self.write(bytes, path)
        #expect(Self.readError(path)?.description == "\(path): the file does not start with the Parquet magic 'PAR1'; it is not a Parquet file")
    }

    @Test func lyingFooterLengthIsRefused() throws {
        let dir = TemporaryDirectory("footer")
        var (_, bytes) = try Self.validFile(in: dir)
        let n = bytes.count
        bytes[n - 8] = 0xFF
        bytes[n - 7] = 0xFF
        bytes[n - 6] = 0xFF
        bytes[n - 5] = 0x7F
        let path = dir.file("lying.parquet")
        try Self.write(bytes, path)
        #expect(Self.readError(path)?.description == "\(path): footer: its length field says 2147483647 bytes but the file has only \(n) bytes")
    }

    @Test func tinyFileIsRefused() throws {
        let dir = TemporaryDirectory("tiny")
        let path = dir.file("tiny.parquet")
        try Self.write(Array("PAR1PAR1".utf8), path)
        #expect(Self.readError(path)?.description == "\(path): the file has 8 bytes, too few for Parquet (at least 12); it is truncated or not Parquet")
    }

    @Test func missingFileIsAnIOError() {
        let error = Self.readError("/nonexistent/x.parquet")
        #expect(error?.code == .io)
        #expect(error?.description.contains("cannot open '/nonexistent/x.parquet' for reading") == true)
    }

    @Test func corruptPagesNameRowGroupColumnAndPage() throws {
        let dir = TemporaryDirectory("pages")
        let (path, bytes) = try Self.validFile(in: dir)
        let reader = try ParquetFileReader(path: path)
        // Smash the first page header of row group 1's 'str' column.
        let meta = try #require(reader.metadata.rowGroups[1].columns[5].metaData)
        let start = Int(meta.dictionaryPageOffset ?? meta.dataPageOffset)
        var broken = bytes
        for i in start..<(start + 6) { broken[i] = 0xFF }
        let out = dir.file("page.parquet")
        try Self.write(broken, out)
        let error = try #require(Self.readError(out))
        #expect(Array(error.context.prefix(3)) == [out, "row group 1, column 'str'", "page at offset \(start)"])
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomByteFlipsNeverCrash(seed: UInt64) throws {
        let dir = TemporaryDirectory("flips")
        let (_, bytes) = try Self.validFile(in: dir)
        var rng = SplitMix64(seed: seed)
        let path = dir.file("flip.parquet")
        for _ in 0..<60 {
            var broken = bytes
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                broken[Int.random(in: 4..<(bytes.count - 8), using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            try Self.write(broken, path)
            _ = Self.readError(path)  // any outcome but a crash is fine: some flips land in values
        }
    }
}

/// Inputs the fuzzer found (Tests/Fuzz/regressions), each with the exact error it must give.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/regressions").path

    @Test func aNullListRowCannotBeContinued() throws {
        let path = Self.folder + "/null-list-continued.parquet"
        let error = CorruptFileTests.readError(path)
        #expect(error?.description == "\(path), row group 0, column 'tags', page at offset 4: row 1 of a list column is null or empty (definition level below 2) but has more entries")
    }
}
