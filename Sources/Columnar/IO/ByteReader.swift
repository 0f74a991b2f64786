/// A bounds-checked cursor over a byte array: the input of every decoder and of the Thrift reader.
///
/// Every read checks the remaining length first and throws ``ColumnarError`` (`.truncated`)
/// instead of trapping, so a hostile length field can never read past the buffer.
package struct ByteReader: Sendable {
    /// The underlying storage (shared, not copied).
    package let bytes: [UInt8]
    /// The next byte to read.
    package var position: Int
    /// One past the last readable byte.
    package let end: Int

    /// A reader over all of `bytes`.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
        self.end = bytes.count
    }

    /// A reader over `range` of `bytes`.
    package init(_ bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// Bytes left to read.
    @inline(__always)
    package var remaining: Int { end - position }

    @inline(__always)
    package var isAtEnd: Bool { position >= end }

    /// Throws unless `count` more bytes are available.
    @inline(__always)
    package func require(_ count: Int, _ what: @autoclosure () -> String = "value") throws {
        guard count >= 0, count <= end - position else {
            throw ColumnarError.truncated(
                "\(what()) needs \(count) bytes at offset \(position) but only \(max(0, end - position)) remain")
        }
    }

    @inline(__always)
    package mutating func readUInt8() throws -> UInt8 {
        guard position < end else { throw ColumnarError.truncated("unexpected end of data at offset \(position)") }
        let b = bytes[position]
        position += 1
        return b
    }

    /// Reads a little-endian fixed-width integer.
    @inline(__always)
    package mutating func readLittleEndian<T: FixedWidthInteger>(_: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        try require(size)
        var value = T.zero
        bytes.withUnsafeBytes { raw in
            value = T(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: T.self))
        }
        position += size
        return value
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    @inline(__always)
    package mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readUInt8()
            if shift == 63 && b > 1 { throw ColumnarError.corrupt("varint overflows 64 bits at offset \(position - 1)") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ColumnarError.corrupt("varint longer than 10 bytes at offset \(position - 1)") }
        }
    }

    /// Reads a zig-zag encoded signed varint.
    @inline(__always)
    package mutating func readZigZag() throws -> Int64 {
        let v = try readVarint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    /// Returns the range of the next `count` bytes and skips them.
    @inline(__always)
    package mutating func take(_ count: Int, _ what: @autoclosure () -> String = "value") throws -> Range<Int> {
        try require(count, what())
        let range = position..<(position + count)
        position += count
        return range
    }

    /// Returns a reader over the next `count` bytes and skips them in this one.
    package mutating func subReader(_ count: Int, _ what: @autoclosure () -> String = "value") throws -> ByteReader {
        ByteReader(bytes, range: try take(count, what()))
    }

    /// Copies out the next `count` bytes.
    package mutating func readBytes(_ count: Int) throws -> [UInt8] {
        Array(bytes[try take(count)])
    }

    /// Calls `body` with a pointer to the unread bytes (`remaining` of them).
    @inline(__always)
    package func withUnsafeRemainingBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { raw in
            try body(UnsafeRawBufferPointer(rebasing: raw[position..<end]))
        }
    }
}
