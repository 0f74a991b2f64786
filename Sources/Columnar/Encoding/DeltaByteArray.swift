/// DELTA_BYTE_ARRAY (`= 7`), incremental or front coding, for BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY.
///
/// From Encodings.md: for each value, the length of the prefix it shares with the previous value
/// plus the rest (the suffix), stored as
/// ```
/// <prefix lengths: DELTA_BINARY_PACKED> <suffixes: DELTA_LENGTH_BYTE_ARRAY>
/// ```
/// `"axis", "axle", "babble", "babyhood"` is `DeltaEncoding(0, 2, 0, 3)`,
/// `DeltaEncoding(4, 2, 6, 5)`, `"axislebabbleyhood"`. Each page starts with an empty previous value.
package enum DeltaByteArray {
    /// Largest decoded page accepted: prefixes can make output far larger than input.
    static let maxDecodedBytes = Int(Int32.max)

    /// Appends `values` encoded.
    package static func encode(_ values: ByteArrayColumn, into writer: inout ByteWriter) {
        let n = values.count
        var prefixes = [Int32](repeating: 0, count: n)
        var suffixes = [Int32](repeating: 0, count: n)
        var suffixBytes: [UInt8] = []
        suffixBytes.reserveCapacity(values.offsets[n] - values.offsets[0])
        values.offsets.withUnsafeBufferPointer { offsets in
            values.bytes.withUnsafeBufferPointer { bytes in
                var previousStart = 0
                var previousLength = 0
                for i in 0..<n {
                    let start = offsets[i]
                    let length = offsets[i + 1] - start
                    let limit = min(length, previousLength)
                    var prefix = 0
                    while prefix < limit && bytes[previousStart + prefix] == bytes[start + prefix] { prefix += 1 }
                    prefixes[i] = Int32(truncatingIfNeeded: prefix)
                    suffixes[i] = Int32(truncatingIfNeeded: length - prefix)
                    suffixBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + prefix)..<(start + length)]))
                    previousStart = start
                    previousLength = length
                }
            }
        }
        prefixes.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &writer) }
        suffixes.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &writer) }
        writer.append(contentsOf: suffixBytes)
    }

    /// Decodes `count` values, appending them to `out` and leaving `reader` after the last byte.
    package static func decode(from reader: inout ByteReader, count: Int, appendingTo out: inout ByteArrayColumn) throws {
        var prefixes: [Int32] = []
        try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &prefixes)
        var suffixes: [Int32] = []
        try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &suffixes)
        // Validate lengths and size the output before touching `out`.
        var previous = 0
        var suffixTotal = 0
        var total = 0
        for i in 0..<count {
            let prefix = Int(prefixes[i])
            let suffix = Int(suffixes[i])
            guard prefix >= 0, prefix <= previous else {
                throw ColumnarError.corrupt(
                    "DELTA_BYTE_ARRAY value \(i) has prefix length \(prefix) but the previous value has \(previous) bytes")
            }
            guard suffix >= 0 else {
                throw ColumnarError.corrupt("DELTA_BYTE_ARRAY value \(i) has negative suffix length \(suffix)")
            }
            previous = prefix + suffix
            suffixTotal += suffix
            total += previous
            guard total <= maxDecodedBytes else {
                throw ColumnarError.corrupt("DELTA_BYTE_ARRAY page decodes to more than \(maxDecodedBytes) bytes")
            }
        }
        let range = try reader.take(suffixTotal, "DELTA_BYTE_ARRAY suffix data of \(count) values")
        let base = out.bytes.count
        out.offsets.reserveAdditional(count)
        reader.bytes.withUnsafeBufferPointer { input in
            guard let src = input.baseAddress?.advanced(by: range.lowerBound) else { return }
            out.bytes.appendUninitialized(count: total) { dst in
                guard let d = dst.baseAddress else { return }
                var at = 0
                var read = 0
                var previousStart = 0
                for i in 0..<count {
                    let prefix = Int(prefixes[i])
                    let suffix = Int(suffixes[i])
                    if prefix > 0 { (d + at).update(from: d + previousStart, count: prefix) }
                    if suffix > 0 { (d + at + prefix).update(from: src + read, count: suffix) }
                    previousStart = at
                    at += prefix + suffix
                    read += suffix
                }
            }
        }
        out.offsets.appendUninitialized(count: count) { dst in
            var end = base
            for i in 0..<count {
                end += Int(prefixes[i]) + Int(suffixes[i])
                dst[i] = end
            }
        }
    }
}
