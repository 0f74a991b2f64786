import Columnar

/// Appending values of one column to another inside this module, so the byte copies are specialised here.
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
