/// Min/max of a column chunk's present values, PLAIN-encoded as Parquet `Statistics` wants them.
///
/// Integers compare signed, byte arrays unsigned lexicographically, floats ignore NaN and write
/// -0.0 as the min and +0.0 as the max of a zero (as the format's ColumnOrder rules ask).
enum ChunkStatistics {
    /// Byte-array min/max longer than this are left out (as parquet-cpp does).
    static let maxByteArrayStatistic = 4096

    /// The PLAIN-encoded (min, max) of `values`, or nil when there is none (no values, all NaN).
    static func minMax(_ values: ColumnValues) -> (min: [UInt8], max: [UInt8])? {
        switch values {
        case .boolean(let v):
            guard !v.isEmpty else { return nil }
            let hasTrue = v.contains(true)
            let hasFalse = v.contains(false)
            return ([hasFalse ? 0 : 1], [hasTrue ? 1 : 0])
        case .int32(let v): return integers(v)
        case .int64(let v): return integers(v)
        case .float(let v): return floats(v)
        case .double(let v): return floats(v)
        case .byteArray(let v): return byteArrays(v)
        }
    }

    private static func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    private static func integers<T: FixedWidthInteger>(_ values: [T]) -> (min: [UInt8], max: [UInt8])? {
        guard var lo = values.first else { return nil }
        var hi = lo
        values.withUnsafeBufferPointer { p in
            for v in p {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        return (bytes(lo), bytes(hi))
    }

    private static func floats<T: BinaryFloatingPoint>(_ values: [T]) -> (min: [UInt8], max: [UInt8])?
    where T.RawSignificand: FixedWidthInteger {
        var lo = T.infinity
        var hi = -T.infinity
        var any = false
        values.withUnsafeBufferPointer { p in
            for v in p where !v.isNaN {
                any = true
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
        }
        guard any else { return nil }
        if lo == 0 { lo = -T.zero }
        if hi == 0 { hi = T.zero }
        return (encodeFloat(lo), encodeFloat(hi))
    }

    private static func encodeFloat<T: BinaryFloatingPoint>(_ v: T) -> [UInt8] {
        if let f = v as? Float { return bytes(f.bitPattern) }
        if let d = v as? Double { return bytes(d.bitPattern) }
        return []
    }

    private static func byteArrays(_ values: ByteArrayColumn) -> (min: [UInt8], max: [UInt8])? {
        guard values.count > 0 else { return nil }
        var lo = 0
        var hi = 0
        values.bytes.withUnsafeBufferPointer { bytes in
            values.offsets.withUnsafeBufferPointer { offsets in
                func less(_ a: Int, _ b: Int) -> Bool {
                    let aStart = offsets[a], aLen = offsets[a + 1] - aStart
                    let bStart = offsets[b], bLen = offsets[b + 1] - bStart
                    let n = Swift.min(aLen, bLen)
                    if n > 0, let base = bytes.baseAddress {
                        let c = memcmpBytes(base + aStart, base + bStart, n)
                        if c != 0 { return c < 0 }
                    }
                    return aLen < bLen
                }
                for i in 1..<values.count {
                    if less(i, lo) { lo = i }
                    if less(hi, i) { hi = i }
                }
            }
        }
        guard values.length(at: lo) <= maxByteArrayStatistic, values.length(at: hi) <= maxByteArrayStatistic else {
            return nil
        }
        return (Array(values[lo]), Array(values[hi]))
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// `memcmp` over `count` bytes.
@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    memcmp(a, b, count)
}
