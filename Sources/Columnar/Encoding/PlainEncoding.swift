/// The PLAIN encoding (`PLAIN = 0`): values back to back.
///
/// From Encodings.md:
/// ```
/// BOOLEAN: bit-packed, LSB first
/// INT32: 4 bytes little endian          INT64: 8 bytes little endian
/// INT96: 12 bytes little endian (deprecated)
/// FLOAT: 4 bytes IEEE little endian     DOUBLE: 8 bytes IEEE little endian
/// BYTE_ARRAY: length in 4 bytes little endian followed by the bytes contained in the array
/// FIXED_LEN_BYTE_ARRAY: the bytes contained in the array
/// ```
package enum PlainEncoding {
    /// Julian day number of 1970-01-01.
    static let julianDayOfEpoch: Int64 = 2_440_588
    static let nanosecondsPerDay: Int64 = 86_400_000_000_000

    // MARK: Encoding

    /// Appends `values` as little-endian bytes.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package static func encode<T: PlainFixedWidth>(_ values: UnsafeBufferPointer<T>, into writer: inout ByteWriter) {
        writer.append(raw: UnsafeRawBufferPointer(values))
    }

    /// Appends `values` bit-packed, least significant bit first, the last byte padded with zeros.
    package static func encodeBooleans(_ values: UnsafeBufferPointer<Bool>, into writer: inout ByteWriter) {
        let n = values.count
        writer.appendUninitialized(count: (n + 7) / 8) { out in
            var i = 0
            var byteIndex = 0
            while i < n {
                var byte: UInt8 = 0
                for k in 0..<min(8, n - i) where values[i + k] { byte |= 1 << UInt8(k) }
                out.storeBytes(of: byte, toByteOffset: byteIndex, as: UInt8.self)
                i += 8
                byteIndex += 1
            }
        }
    }

    /// Appends each value as a 4-byte little-endian length followed by its bytes.
    package static func encode(_ values: ByteArrayColumn, into writer: inout ByteWriter) {
        let n = values.count
        let total = 4 * n + (values.offsets[n] - values.offsets[0])
        values.offsets.withUnsafeBufferPointer { offsets in
            values.bytes.withUnsafeBytes { bytes in
                writer.appendUninitialized(count: total) { out in
                    var at = 0
                    for i in 0..<n {
                        let start = offsets[i]
                        let length = offsets[i + 1] - start
                        out.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, toByteOffset: at, as: UInt32.self)
                        if length > 0, let src = bytes.baseAddress {
                            (out + at + 4).copyMemory(from: src + start, byteCount: length)
                        }
                        at += 4 + length
                    }
                }
            }
        }
    }

    // MARK: Decoding

    /// Decodes `count` little-endian values, appending them to `out`.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package static func decode<T: PlainFixedWidth>(
        from reader: inout ByteReader, count: Int, appendingTo out: inout [T]
    ) throws {
        let size = MemoryLayout<T>.size
        let byteCount = try checkedSize(count, size, "PLAIN \(T.self) values")
        let range = try reader.take(byteCount, "\(count) PLAIN \(T.self) values")
        reader.bytes.withUnsafeBytes { raw in
            out.appendUninitialized(count: count) { dst in
                guard let src = raw.baseAddress, let d = dst.baseAddress else { return }
                UnsafeMutableRawPointer(d).copyMemory(from: src + range.lowerBound, byteCount: byteCount)
            }
        }
    }

    /// Decodes `count` bit-packed booleans (LSB first), appending them to `out`.
    package static func decodeBooleans(from reader: inout ByteReader, count: Int, appendingTo out: inout [Bool]) throws {
        guard count >= 0 else { throw ColumnarError.invalidArgument("PLAIN boolean count \(count) is negative") }
        let range = try reader.take((count + 7) / 8, "\(count) PLAIN booleans")
        reader.bytes.withUnsafeBytes { raw in
            out.appendUninitialized(count: count) { dst in
                guard let src = raw.baseAddress, let d = dst.baseAddress else { return }
                let bytes = src + range.lowerBound
                let target = UnsafeMutableRawPointer(d)
                let whole = count / 8
                for b in 0..<whole {
                    target.storeBytes(of: spread(bytes.load(fromByteOffset: b, as: UInt8.self)), toByteOffset: 8 * b, as: UInt64.self)
                }
                let tail = count - whole * 8
                if tail > 0 {
                    let last = spread(bytes.load(fromByteOffset: whole, as: UInt8.self))
                    for k in 0..<tail {
                        target.storeBytes(of: UInt8(truncatingIfNeeded: last >> UInt64(8 * k)), toByteOffset: 8 * whole + k, as: UInt8.self)
                    }
                }
            }
        }
    }

    /// Moves bit `i` of `byte` to the lowest bit of byte `i` (so each byte is a valid `Bool`).
    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 {
        var x = UInt64(byte)
        x = (x | x << 28) & 0x0000_000F_0000_000F
        x = (x | x << 14) & 0x0003_0003_0003_0003
        x = (x | x << 7) & 0x0101_0101_0101_0101
        return x
    }

    /// Decodes `count` length-prefixed byte arrays, appending them to `out`.
    package static func decodeByteArrays(
        from reader: inout ByteReader, count: Int, appendingTo out: inout ByteArrayColumn
    ) throws {
        let minimum = try checkedSize(count, 4, "PLAIN byte array lengths")
        try reader.require(minimum, "\(count) PLAIN byte array lengths")
        let start = reader.position
        let end = reader.end
        // Pass 1: validate the lengths and append the offsets.
        var total = 0
        let base = out.bytes.count
        try reader.bytes.withUnsafeBytes { raw in
            guard let src = raw.baseAddress else { return }
            try out.offsets.appendUninitialized(count: count) { offsets in
                var at = start
                for i in 0..<count {
                    guard end - at >= 4 else {
                        throw ColumnarError.truncated("PLAIN byte array \(i) of \(count): length needs 4 bytes at offset \(at) but only \(end - at) remain")
                    }
                    let length = Int(UInt32(littleEndian: src.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                    at += 4
                    guard length <= end - at else {
                        throw ColumnarError.truncated("PLAIN byte array \(i) of \(count) has length \(length) at offset \(at - 4) but only \(end - at) bytes remain")
                    }
                    at += length
                    total += length
                    offsets[i] = base + total
                }
            }
        }
        // Pass 2: copy the bytes.
        reader.bytes.withUnsafeBytes { raw in
            guard let src = raw.baseAddress else { return }
            out.bytes.appendUninitialized(count: total) { dst in
                guard let d = dst.baseAddress else { return }
                var at = start
                var written = 0
                for _ in 0..<count {
                    let length = Int(UInt32(littleEndian: src.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                    (d + written).initialize(from: src.advanced(by: at + 4).assumingMemoryBound(to: UInt8.self), count: length)
                    written += length
                    at += 4 + length
                }
            }
        }
        reader.position = start + 4 * count + total
    }

    /// Decodes `count` values of exactly `typeLength` bytes, appending them to `out`.
    package static func decodeFixedLengthByteArrays(
        from reader: inout ByteReader, count: Int, typeLength: Int, appendingTo out: inout ByteArrayColumn
    ) throws {
        guard typeLength > 0 else {
            throw ColumnarError.corrupt("FIXED_LEN_BYTE_ARRAY type length \(typeLength) is not positive")
        }
        let byteCount = try checkedSize(count, typeLength, "FIXED_LEN_BYTE_ARRAY values")
        let range = try reader.take(byteCount, "\(count) FIXED_LEN_BYTE_ARRAY(\(typeLength)) values")
        out.bytes.append(contentsOf: reader.bytes[range])
        appendFixedOffsets(count: count, typeLength: typeLength, endingAt: out.bytes.count, to: &out.offsets)
    }

    /// Appends offsets for `count` values of `typeLength` bytes ending at `end`.
    static func appendFixedOffsets(count: Int, typeLength: Int, endingAt end: Int, to offsets: inout [Int]) {
        let first = end - count * typeLength
        offsets.appendUninitialized(count: count) { dst in
            for i in 0..<count { dst[i] = first + (i + 1) * typeLength }
        }
    }

    /// Decodes `count` INT96 timestamps (8 bytes nanoseconds of the day, then 4 bytes Julian day,
    /// little endian) as nanoseconds since the Unix epoch, wrapping on overflow.
    package static func decodeInt96Timestamps(
        from reader: inout ByteReader, count: Int, appendingTo out: inout [Int64]
    ) throws {
        let byteCount = try checkedSize(count, 12, "INT96 values")
        let range = try reader.take(byteCount, "\(count) INT96 values")
        reader.bytes.withUnsafeBytes { raw in
            out.appendUninitialized(count: count) { dst in
                guard let src = raw.baseAddress?.advanced(by: range.lowerBound) else { return }
                for i in 0..<count {
                    let nanos = Int64(littleEndian: src.loadUnaligned(fromByteOffset: 12 * i, as: Int64.self))
                    let day = Int64(Int32(littleEndian: src.loadUnaligned(fromByteOffset: 12 * i + 8, as: Int32.self)))
                    dst[i] = (day &- julianDayOfEpoch) &* nanosecondsPerDay &+ nanos
                }
            }
        }
    }

    /// `count * size`, or an error if `count` is negative or the product overflows.
    @inline(__always)
    static func checkedSize(_ count: Int, _ size: Int, _ what: @autoclosure () -> String) throws -> Int {
        guard count >= 0 else { throw ColumnarError.invalidArgument("\(what()): count \(count) is negative") }
        let (product, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow else { throw ColumnarError.corrupt("\(what()): \(count) × \(size) bytes overflows") }
        return product
    }
}
