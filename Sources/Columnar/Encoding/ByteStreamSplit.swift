/// BYTE_STREAM_SPLIT (`= 9`) for FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY.
///
/// From Encodings.md: K byte streams of length N (K the value size, N the value count), byte k
/// of every value in stream k, streams concatenated in order. No length, no padding: the
/// streams end where the page ends.
/// ```
///        Element 0      Element 1      Element 2
/// Bytes  AA BB CC DD    00 11 22 33    A3 B4 C5 D6
/// →      AA 00 A3 BB 11 B4 CC 22 C5 DD 33 D6
/// ```
package enum ByteStreamSplit {
    /// Appends `values` split into byte streams.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package static func encode<T: PlainFixedWidth>(_ values: UnsafeBufferPointer<T>, into writer: inout ByteWriter) {
        let size = MemoryLayout<T>.size
        let n = values.count
        guard n > 0 else { return }
        writer.appendUninitialized(count: n * size) { out in
            let src = UnsafeRawBufferPointer(values)
            for k in 0..<size {
                let stream = out + k * n
                for i in 0..<n { stream.storeBytes(of: src[i * size + k], toByteOffset: i, as: UInt8.self) }
            }
        }
    }

    /// Decodes `count` values; the reader's remaining bytes must be exactly `count` values' worth.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package static func decode<T: PlainFixedWidth>(
        from reader: inout ByteReader, count: Int, appendingTo out: inout [T]
    ) throws {
        let size = MemoryLayout<T>.size
        let range = try takeAll(&reader, count: count, size: size, what: "\(T.self)")
        reader.bytes.withUnsafeBytes { raw in
            out.appendUninitialized(count: count) { dst in
                guard let src = raw.baseAddress?.advanced(by: range.lowerBound), let d = dst.baseAddress else { return }
                let target = UnsafeMutableRawPointer(d)
                switch size {
                case 4: join4(src, count, target)
                case 8: join8(src, count, target)
                default: joinAny(src, count, size, target)
                }
            }
        }
    }

    /// Decodes `count` values of `typeLength` bytes; the reader's remaining bytes must be exactly
    /// `count * typeLength`.
    package static func decodeFixedLengthByteArrays(
        from reader: inout ByteReader, count: Int, typeLength: Int, appendingTo out: inout ByteArrayColumn
    ) throws {
        guard typeLength > 0 else {
            throw ColumnarError.corrupt("FIXED_LEN_BYTE_ARRAY type length \(typeLength) is not positive")
        }
        let range = try takeAll(&reader, count: count, size: typeLength, what: "FIXED_LEN_BYTE_ARRAY(\(typeLength))")
        reader.bytes.withUnsafeBytes { raw in
            out.bytes.appendUninitialized(count: range.count) { dst in
                guard let src = raw.baseAddress?.advanced(by: range.lowerBound), let d = dst.baseAddress else { return }
                joinAny(src, count, typeLength, UnsafeMutableRawPointer(d))
            }
        }
        PlainEncoding.appendFixedOffsets(count: count, typeLength: typeLength, endingAt: out.bytes.count, to: &out.offsets)
    }

    /// Takes the rest of `reader`, checking it holds exactly `count * size` bytes.
    private static func takeAll(_ reader: inout ByteReader, count: Int, size: Int, what: String) throws -> Range<Int> {
        let byteCount = try PlainEncoding.checkedSize(count, size, "BYTE_STREAM_SPLIT \(what) values")
        guard byteCount <= reader.remaining else {
            throw ColumnarError.truncated(
                "BYTE_STREAM_SPLIT needs \(byteCount) bytes for \(count) \(what) values but only \(reader.remaining) remain")
        }
        guard byteCount == reader.remaining else {
            throw ColumnarError.corrupt(
                "BYTE_STREAM_SPLIT data holds \(reader.remaining) bytes, not \(byteCount) for \(count) \(what) values")
        }
        return try reader.take(byteCount)
    }

    @inline(__always)
    private static func join4(_ src: UnsafeRawPointer, _ n: Int, _ dst: UnsafeMutableRawPointer) {
        let s0 = src.assumingMemoryBound(to: UInt8.self)
        let s1 = s0 + n, s2 = s1 + n, s3 = s2 + n
        for i in 0..<n {
            let v = UInt32(s0[i]) | UInt32(s1[i]) << 8 | UInt32(s2[i]) << 16 | UInt32(s3[i]) << 24
            dst.storeBytes(of: v.littleEndian, toByteOffset: 4 * i, as: UInt32.self)
        }
    }

    @inline(__always)
    private static func join8(_ src: UnsafeRawPointer, _ n: Int, _ dst: UnsafeMutableRawPointer) {
        let s0 = src.assumingMemoryBound(to: UInt8.self)
        let s1 = s0 + n, s2 = s1 + n, s3 = s2 + n, s4 = s3 + n, s5 = s4 + n, s6 = s5 + n, s7 = s6 + n
        for i in 0..<n {
            let lo = UInt64(s0[i]) | UInt64(s1[i]) << 8 | UInt64(s2[i]) << 16 | UInt64(s3[i]) << 24
            let hi = UInt64(s4[i]) << 32 | UInt64(s5[i]) << 40 | UInt64(s6[i]) << 48 | UInt64(s7[i]) << 56
            dst.storeBytes(of: (lo | hi).littleEndian, toByteOffset: 8 * i, as: UInt64.self)
        }
    }

    private static func joinAny(_ src: UnsafeRawPointer, _ n: Int, _ size: Int, _ dst: UnsafeMutableRawPointer) {
        for k in 0..<size {
            let stream = src + k * n
            for i in 0..<n {
                dst.storeBytes(of: stream.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i * size + k, as: UInt8.self)
            }
        }
    }
}
