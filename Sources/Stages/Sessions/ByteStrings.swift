import Columnar

/// Comparing and hashing the values of ``ByteArrayColumn``s in place, without making Swift strings
/// (the sessions stage touches every event's strings; building `String`s would dominate its time).
enum ByteStrings {
    /// Whether value `i` of `a` equals value `j` of `b`, byte for byte.
    @inline(__always)
    static func equal(_ a: ByteArrayColumn, _ i: Int, _ b: ByteArrayColumn, _ j: Int) -> Bool {
        let (aStart, aEnd) = (a.offsets[i], a.offsets[i + 1])
        let (bStart, bEnd) = (b.offsets[j], b.offsets[j + 1])
        let n = aEnd - aStart
        guard n == bEnd - bStart else { return false }
        if n == 0 { return true }
        return a.bytes.withUnsafeBufferPointer { pa in
            b.bytes.withUnsafeBufferPointer { pb in
                memcmp(pa.baseAddress! + aStart, pb.baseAddress! + bStart, n) == 0
            }
        }
    }

    /// A 64-bit hash of value `i` of `column` (FNV-1a, then a SplitMix finaliser to spread the bits).
    @inline(__always)
    static func hash(_ column: ByteArrayColumn, _ i: Int) -> UInt64 {
        let (start, end) = (column.offsets[i], column.offsets[i + 1])
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        column.bytes.withUnsafeBufferPointer { p in
            for k in start..<end {
                h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3
            }
        }
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
