// libFuzzer target over the Parquet reader (see Tests/Fuzz/README.md).
//
// Built only when AIGQ_FUZZ=1 (Package.swift), with -sanitize=fuzzer,address; libFuzzer owns
// `main`, so this file only exports `LLVMFuzzerTestOneInput`. Every input is treated as a whole
// Parquet file held in memory. A thrown error is a correct answer to a bad file; only crashes
// (traps, out-of-bounds, overflow), hangs and over-allocation are bugs.

import Columnar

/// Modest limits so that libFuzzer's -rss_limit_mb / -malloc_limit_mb flag real over-allocation
/// instead of a file that is merely allowed to be big.
private let fuzzLimits: ReaderLimits = {
    var limits = ReaderLimits()
    limits.maxRowsPerRowGroup = 1 << 20
    limits.maxValuesPerColumnChunk = 1 << 21
    limits.maxPlainPageBytes = 8 << 20
    limits.maxCompressionRatio = 1024
    limits.maxFooterBytes = 1 << 20
    return limits
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    exercise(bytes)
    return 0
}

// SwiftPM links a debug executable target with `--defsym main=ColumnarFuzz_main` (so tests can
// import it), which would hide libFuzzer's own `main`. This entry point hands straight over to
// libFuzzer's driver; in a release build libFuzzer's `main` is used and this is never called.
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
) -> CInt

@_cdecl("ColumnarFuzz_main")
public func columnarFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzz)
}

/// Sink for rendered text so the optimiser cannot drop the rendering.
nonisolated(unsafe) private var checksum = 0

private func consume(_ s: String) {
    checksum &+= s.utf8.count
}

private func exercise(_ bytes: [UInt8]) {
    // 1. Open: footer, schema mapping, footer validation.
    let reader: ParquetFileReader
    do {
        reader = try ParquetFileReader(bytes: bytes, name: "fuzz.parquet", limits: fuzzLimits)
    } catch {
        consume("\(error)")
        return
    }

    // 2. Everything `aigq inspect` prints from the footer (mirrors Sources/aigq/Commands/InspectReport.swift).
    let meta = reader.metadata
    consume("\(meta.createdBy ?? "") \(reader.rowCount) \(reader.rowGroupCount) \(meta.version)")
    for (key, value) in reader.keyValueMetadata { consume(key + value) }
    for field in reader.schema.fields { consume("\(field.name): \(field.type) \(field.nullable)") }
    for (name, reason) in reader.unsupportedColumns { consume(name + reason) }
    consume(InspectJSON.header(schema: reader.schema, rows: reader.rowCount, rowGroups: reader.rowGroupCount))

    // 3. Statistics of every supported column in every row group, as inspect shows them.
    for g in 0..<reader.rowGroupCount {
        let group = meta.rowGroups[g]
        consume("\(group.numRows) \(group.totalCompressedSize ?? 0) \(group.totalByteSize)")
        for chunk in group.columns {
            guard let m = chunk.metaData else { continue }
            consume("\(m.pathInSchema.joined(separator: ".")) \(m.type) \(m.codec) \(m.encodings.map(\.description))")
            consume("\(m.totalCompressedSize) \(m.totalUncompressedSize) \(m.numValues)")
        }
        for field in reader.schema.fields {
            guard let s = reader.statistics(rowGroup: g, column: field.name) else { continue }
            if let lo = s.min, let hi = s.max {
                consume(lo.description + hi.description)
                _ = lo.isLess(than: hi)
            }
            if let nulls = s.nullCount { consume(String(nulls)) }
        }
    }
    // Row-group pruning by statistics (uses the same decoded values).
    for field in reader.schema.fields {
        if let s = reader.statistics(rowGroup: 0, column: field.name) {
            _ = try? reader.rowGroups(where: field.name, from: s.min, to: s.max)
        }
    }

    // 4. Read every row group, projected to the supported columns so an unsupported column
    //    (struct, map, nested list) does not stop the others from being decoded, and render
    //    every row as `aigq inspect --json` does.
    let names = reader.schema.fields.map(\.name)
    var readable = 0
    for g in 0..<reader.rowGroupCount {
        do {
            let batch = try reader.readRowGroup(g, columns: names, threads: 1)
            checkInvariants(batch, expectedRows: reader.rowCount(ofRowGroup: g), what: "row group \(g)")
            InspectJSON.rows(batch) { consume($0) }
            readable += 1
        } catch {
            consume("\(error)")
        }
    }

    // 5. The whole file as one batch (RecordBatch.concatenate), when every group read and it is small.
    if readable == reader.rowGroupCount, reader.rowGroupCount > 1, reader.rowCount <= 1 << 16 {
        do {
            let all = try reader.readAll(columns: names, threads: 1)
            checkInvariants(all, expectedRows: reader.rowCount, what: "readAll")
        } catch {
            consume("\(error)")
        }
    }
}

/// A batch the reader returns must be one `RecordBatch(schema:columns:)` accepts, with the rows the
/// footer promised; anything else would crash or mislead code downstream. A violation is a bug and
/// is reported as a crash (precondition failure) so libFuzzer keeps the input.
private func checkInvariants(_ batch: RecordBatch, expectedRows: Int, what: String) {
    guard !batch.columns.isEmpty else { return }
    do {
        let checked = try RecordBatch(schema: batch.schema, columns: batch.columns)
        precondition(
            checked.rowCount == batch.rowCount && batch.rowCount == expectedRows,
            "invariant: \(what): batch has \(checked.rowCount) rows (claims \(batch.rowCount)); the footer says \(expectedRows)")
    } catch {
        preconditionFailure("invariant: \(what): the reader returned a batch RecordBatch rejects: \(error)")
    }
    for column in batch.columns {
        if case .byteArray(let v) = column.values {
            precondition(
                v.offsets.first == 0 && v.offsets.last == v.bytes.count && zip(v.offsets, v.offsets.dropFirst()).allSatisfy { $0 <= $1 },
                "invariant: \(what): byte-array offsets are not 0...bytes.count and non-decreasing")
        }
        if let list = column.list, list.validity != nil {
            for r in 0..<batch.rowCount where !list.isValid(r) {
                precondition(list.offsets[r] == list.offsets[r + 1], "invariant: \(what): null list row \(r) has elements")
            }
        }
    }
}
