import Columnar
import Foundation

/// An order-independent fingerprint of a dataset's rows, to check that every tool of `aigq bench
/// sessions` made the same rows whatever its types and row order.
///
/// Each row is written in a canonical form — the columns of `columns` in that order; integers and
/// timestamps (in milliseconds, whatever the unit stored) as decimal text, strings as their bytes,
/// nulls as a marker, lists as their length and elements (a null list as an empty one) — and hashed
/// (FNV-1a, 64 bits); the fingerprint is the row count and the wrapping sum of the row hashes.
struct SessionsChecksum: Sendable, Equatable {
    /// Rows read.
    var rows = 0
    /// Wrapping sum of the row hashes.
    var sum: UInt64 = 0

    /// The fingerprint of every Parquet file under `folder`, over `columns`.
    static func of(folder: String, columns: [String]) throws -> SessionsChecksum {
        var out = SessionsChecksum()
        let files = (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".parquet") }.sorted()
        for name in files {
            let reader = try ParquetFileReader(path: folder + "/" + name)
            for group in 0..<reader.rowGroupCount {
                let batch = try reader.readRowGroup(group, columns: columns)
                out.add(batch, columns: columns)
            }
        }
        return out
    }

    private mutating func add(_ batch: RecordBatch, columns: [String]) {
        let arrays = columns.map { batch.column($0)! }
        let scales: [Int64] = columns.map { name in
            guard let i = batch.schema.index(of: name), case .timestamp(let unit, _) = batch.schema.fields[i].type.leafType else { return 1 }
            return unit == .millis ? 1 : unit == .micros ? 1000 : 1_000_000
        }
        var bytes: [UInt8] = []
        for row in 0..<batch.rowCount {
            bytes.removeAll(keepingCapacity: true)
            for (c, array) in arrays.enumerated() {
                if let list = array.list {
                    let range = list.isValid(row) ? list.offsets[row]..<list.offsets[row + 1] : 0..<0
                    bytes += Array("[\(range.count)".utf8)
                    for slot in range { Self.append(array, slot, scale: scales[c], to: &bytes) }
                } else {
                    Self.append(array, row, scale: scales[c], to: &bytes)
                }
                bytes.append(0x1E)
            }
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            sum &+= SplitMix64.mix(h)
            rows += 1
        }
    }

    private static func append(_ array: ColumnArray, _ slot: Int, scale: Int64, to bytes: inout [UInt8]) {
        bytes.append(0x1F)
        guard array.isValid(slot) else {
            bytes.append(0)
            return
        }
        switch array.values {
        case .int64(let v): bytes += Array(String(v[slot] / scale).utf8)
        case .int32(let v): bytes += Array(String(v[slot]).utf8)
        case .byteArray(let v): bytes += v[slot]
        case .double(let v): bytes += Array(String(v[slot]).utf8)
        case .float(let v): bytes += Array(String(v[slot]).utf8)
        case .boolean(let v): bytes.append(v[slot] ? 1 : 2)
        }
    }
}
