/// The RLE/bit-packing hybrid (`RLE = 3`): definition and repetition levels, dictionary indices
/// and (with a length prefix the caller handles) booleans.
///
/// From Encodings.md, for a bit width known in advance (no `<length>` prefix here):
/// ```
/// encoded-data := <run>*
/// run := <bit-packed-run> | <rle-run>
/// bit-packed-run := <bit-packed-header> <bit-packed-values>
/// bit-packed-header := varint-encode(<bit-pack-scaled-run-len> << 1 | 1)
/// bit-pack-scaled-run-len := (bit-packed-run-len) / 8
/// rle-run := <rle-header> <repeated-value>
/// rle-header := varint-encode( (rle-run-len) << 1)
/// repeated-value := value that is repeated, using a fixed-width of round-up-to-next-byte(bit-width)
/// ```
/// Run lengths are at most 2³¹ − 1 values. The encoder emits an RLE run for 8 or more repeats
/// (after topping up a pending bit-packed run to a multiple of 8) and bit-packs the rest.
package enum RLEHybrid {
    /// The largest run length the format allows.
    static let maxRunLength = Int(Int32.max)

    /// Encodes `values` (each `< 1 << bitWidth`, `bitWidth` in 0...32) without a length prefix.
    package static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into writer: inout ByteWriter) {
        precondition((0...32).contains(bitWidth), "RLE bit width \(bitWidth) outside 0...32")
        guard let base = values.baseAddress else { return }
        let n = values.count
        var packStart = 0
        var i = 0
        while i < n {
            let value = base[i]
            var j = i + 1
            while j < n && base[j] == value { j += 1 }
            let pending = i - packStart
            let pad = (8 - pending % 8) % 8
            if j - i - pad >= 8 {
                if pending + pad > 0 { writeBitPacked(base + packStart, count: pending + pad, bitWidth: bitWidth, into: &writer) }
                writeRepeated(value, count: j - i - pad, bitWidth: bitWidth, into: &writer)
                packStart = j
            }
            i = j
        }
        if packStart < n { writeBitPacked(base + packStart, count: n - packStart, bitWidth: bitWidth, into: &writer) }
    }

    /// Writes RLE runs of `value`, split at the maximum run length.
    private static func writeRepeated(_ value: UInt32, count: Int, bitWidth: Int, into writer: inout ByteWriter) {
        var left = count
        let valueBytes = (bitWidth + 7) / 8
        while left > 0 {
            let run = min(left, maxRunLength)
            writer.appendVarint(UInt64(run) << 1)
            for k in 0..<valueBytes { writer.append(UInt8(truncatingIfNeeded: value >> (8 * k))) }
            left -= run
        }
    }

    /// Writes bit-packed runs of `count` values, padding the last group with zeros.
    private static func writeBitPacked(
        _ values: UnsafePointer<UInt32>, count: Int, bitWidth: Int, into writer: inout ByteWriter
    ) {
        let maxGroupsPerRun = 1 << 24
        var groupsLeft = (count + 7) / 8
        var done = 0
        while groupsLeft > 0 {
            let groups = min(groupsLeft, maxGroupsPerRun)
            writer.appendVarint(UInt64(groups) << 1 | 1)
            let full = min(groups * 8, count - done) / 8
            writer.appendUninitialized(count: groups * bitWidth) { out in
                BitPacking.pack32(values + done, count: full * 8, bitWidth: bitWidth, into: out)
                let tail = min(groups * 8, count - done) - full * 8
                if tail > 0 {
                    var last = (UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0), UInt32(0))
                    withUnsafeMutableBytes(of: &last) { raw in
                        let p = raw.bindMemory(to: UInt32.self)
                        for k in 0..<tail { p[k] = values[done + full * 8 + k] }
                        if let lastValues = UnsafePointer(p.baseAddress) {
                            BitPacking.pack32(lastValues, count: 8, bitWidth: bitWidth, into: out + full * bitWidth)
                        }
                    }
                }
            }
            done += groups * 8
            groupsLeft -= groups
        }
    }

    /// Decodes exactly `count` values of `bitWidth` (0...32) bits into `out`, advancing `reader`
    /// past the runs consumed.
    ///
    /// A final bit-packed run may hold padding past `count`; its bytes are skipped, and if the data
    /// ends inside that padding (some writers trim it) the reader stops at the end.
    package static func decode(
        from reader: inout ByteReader, bitWidth: Int, count: Int, into out: UnsafeMutablePointer<UInt32>
    ) throws {
        guard (0...32).contains(bitWidth) else {
            throw ColumnarError.corrupt("RLE/bit-packed bit width \(bitWidth) is outside 0...32")
        }
        guard count >= 0 else { throw ColumnarError.invalidArgument("RLE value count \(count) is negative") }
        let valueBytes = (bitWidth + 7) / 8
        let limit = bitWidth == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bitWidth)) - 1
        var produced = 0
        while produced < count {
            let header = try reader.readVarint()
            let runLength = header >> 1
            guard runLength <= UInt64(maxRunLength) else {
                throw ColumnarError.corrupt("RLE/bit-packed run header \(header) announces a run longer than 2^31-1 values")
            }
            if header & 1 == 0 {
                var value: UInt64 = 0
                let range = try reader.take(valueBytes, "RLE repeated value")
                for k in 0..<valueBytes { value |= UInt64(reader.bytes[range.lowerBound + k]) << UInt64(8 * k) }
                guard value <= limit else {
                    throw ColumnarError.corrupt("RLE repeated value \(value) does not fit bit width \(bitWidth)")
                }
                let n = min(Int(runLength), count - produced)
                (out + produced).update(repeating: UInt32(truncatingIfNeeded: value), count: n)
                produced += n
            } else {
                let groups = Int(runLength)
                let n = min(groups * 8, count - produced)
                let neededBytes = (n * bitWidth + 7) / 8
                try reader.require(neededBytes, "bit-packed run of \(n) values at bit width \(bitWidth)")
                let fullGroups = n / 8
                reader.withUnsafeRemainingBytes { raw in
                    guard let src = raw.baseAddress else { return }
                    BitPacking.unpack32(
                        src, available: raw.count, bitWidth: bitWidth, groups: fullGroups, into: out + produced)
                    if n > fullGroups * 8 {
                        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { tmp in
                            guard let t = tmp.baseAddress else { return }
                            let offset = fullGroups * bitWidth
                            BitPacking.unpack32(
                                src + offset, available: raw.count - offset, bitWidth: bitWidth, groups: 1, into: t)
                            (out + produced + fullGroups * 8).update(from: t, count: n - fullGroups * 8)
                        }
                    }
                }
                reader.position += min(groups * bitWidth, reader.remaining)
                produced += n
            }
        }
    }

    /// The bit width needed for values up to `maxValue` (0 for 0).
    @inline(__always)
    package static func bitWidth(for maxValue: UInt32) -> Int { 32 - maxValue.leadingZeroBitCount }
}
