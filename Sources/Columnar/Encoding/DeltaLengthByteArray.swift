/// DELTA_LENGTH_BYTE_ARRAY (`= 6`) for BYTE_ARRAY.
///
/// From Encodings.md:
/// ```
/// <Delta Encoded Lengths> <Byte Array Data>
/// ```
/// The lengths are a DELTA_BINARY_PACKED INT32 sequence; the bytes of all values follow,
/// concatenated. `"Hello", "World", "Foobar", "ABCDEF"` is `DeltaEncoding(5, 5, 6, 6)`
/// followed by `"HelloWorldFoobarABCDEF"`.
package enum DeltaLengthByteArray {
    /// Appends `values` encoded.
    package static func encode(_ values: ByteArrayColumn, into writer: inout ByteWriter) {
        let n = values.count
        var lengths = [Int32](repeating: 0, count: n)
        for i in 0..<n { lengths[i] = Int32(truncatingIfNeeded: values.offsets[i + 1] - values.offsets[i]) }
        lengths.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &writer) }
        values.bytes.withUnsafeBytes { raw in
            writer.append(raw: UnsafeRawBufferPointer(rebasing: raw[values.offsets[0]..<values.offsets[n]]))
        }
    }

    /// Decodes `count` values, appending them to `out` and leaving `reader` after the last byte.
    package static func decode(from reader: inout ByteReader, count: Int, appendingTo out: inout ByteArrayColumn) throws {
        var lengths: [Int32] = []
        try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &lengths)
        try appendValues(lengths: lengths, from: &reader, to: &out, what: "DELTA_LENGTH_BYTE_ARRAY")
    }

    /// Appends values with the given `lengths` whose bytes follow at `reader`, concatenated.
    static func appendValues(
        lengths: [Int32], from reader: inout ByteReader, to out: inout ByteArrayColumn, what: String
    ) throws {
        var total = 0
        for (i, length) in lengths.enumerated() {
            guard length >= 0 else { throw ColumnarError.corrupt("\(what) value \(i) has negative length \(length)") }
            total += Int(length)
        }
        let range = try reader.take(total, "\(what) data of \(lengths.count) values")
        let base = out.bytes.count
        out.bytes.append(contentsOf: reader.bytes[range])
        lengths.withUnsafeBufferPointer { lengths in
            out.offsets.appendUninitialized(count: lengths.count) { dst in
                var end = base
                for i in 0..<lengths.count {
                    end += Int(lengths[i])
                    dst[i] = end
                }
            }
        }
    }
}
