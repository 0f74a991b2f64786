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

    /// Whether two byte slices compare bytewise ascending (shorter prefix first), as `memcmp` orders.
    static func less(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        a.lexicographicallyPrecedes(b)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ByteArrayColumn {
    /// Appends value `i` of `other` (written here, not through the generic `append`, so that the
    /// copy is specialised in this module).
    @inline(__always)
    mutating func appendValue(of other: ByteArrayColumn, at i: Int) {
        let (start, end) = (other.offsets[i], other.offsets[i + 1])
        if end > start {
            other.bytes.withUnsafeBufferPointer { p in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            }
        }
        offsets.append(bytes.count)
    }

    /// Appends `prefix` followed by value `i` of `other`, as one value.
    @inline(__always)
    mutating func appendValue(prefix: [UInt8], of other: ByteArrayColumn, at i: Int) {
        bytes.append(contentsOf: prefix)
        appendValue(of: other, at: i)
    }

    /// Appends the bytes of `value` as one value.
    @inline(__always)
    mutating func appendBytes(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    /// Removes every value, keeping the storage.
    mutating func removeAllKeepingCapacity() {
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        bytes.removeAll(keepingCapacity: true)
    }
}

extension ByteArrayColumn {
    /// Appends values `range` of `other` with one block copy of their bytes.
    @inline(__always)
    mutating func appendValues(of other: ByteArrayColumn, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let (start, end) = (other.offsets[range.lowerBound], other.offsets[range.upperBound])
        let shift = bytes.count - start
        if end > start {
            other.bytes.withUnsafeBufferPointer { p in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[start..<end]))
            }
        }
        other.offsets.withUnsafeBufferPointer { o in
            for i in (range.lowerBound + 1)...range.upperBound { offsets.append(o[i] + shift) }
        }
    }
}
