/// DELTA_BINARY_PACKED (`= 5`) for INT32 and INT64.
///
/// From Encodings.md:
/// ```
/// <block size in values> <number of miniblocks in a block> <total value count> <first value>
/// ```
/// then blocks of
/// ```
/// <min delta> <list of bitwidths of miniblocks> <miniblocks>
/// ```
/// The block size is a multiple of 128 and the miniblock size (block size / miniblock count) a
/// multiple of 32, all ULEB128; the first value and min delta are zigzag ULEB128; each bit width
/// is one byte. Deltas minus the block's min delta are bit-packed per miniblock; the last
/// miniblock is padded to full length, and the miniblocks the last block does not need are absent
/// (their bit widths present but ignored). All arithmetic wraps (two's complement).
///
/// The encoder writes blocks of 128 values in 4 miniblocks of 32.
package enum DeltaBinaryPacked {
    static let blockSize = 128
    static let miniblocksPerBlock = 4
    /// Largest block size accepted when decoding (writers use 128 to a few thousand).
    static let maxBlockSize = 1 << 20

    // MARK: Encoding

    /// Encodes INT64 values.
    package static func encode(_ values: UnsafeBufferPointer<Int64>, into writer: inout ByteWriter) {
        encodeValues(values, into: &writer)
    }

    /// Encodes INT32 values; deltas are taken in 32-bit wrapping arithmetic so no miniblock needs
    /// more than 32 bits and 32-bit (or truncated 64-bit) decoding round-trips.
    package static func encode(_ values: UnsafeBufferPointer<Int32>, into writer: inout ByteWriter) {
        encodeValues(values, into: &writer)
    }

    @inline(__always)
    private static func encodeValues<T: FixedWidthInteger & SignedInteger>(
        _ values: UnsafeBufferPointer<T>, into writer: inout ByteWriter
    ) {
        let n = values.count
        writer.appendVarint(UInt64(blockSize))
        writer.appendVarint(UInt64(miniblocksPerBlock))
        writer.appendVarint(UInt64(n))
        writer.appendZigZag(n > 0 ? Int64(values[0]) : 0)
        guard n > 1 else { return }
        let miniblockSize = blockSize / miniblocksPerBlock
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: blockSize) { scratch in
            guard let relative = scratch.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: T.self, capacity: blockSize) { deltaBuffer in
                guard let deltas = deltaBuffer.baseAddress else { return }
                var i = 1
                while i < n {
                    let k = min(blockSize, n - i)
                    var minDelta = T.max
                    for j in 0..<k {
                        let d = values[i + j] &- values[i + j - 1]
                        deltas[j] = d
                        minDelta = min(minDelta, d)
                    }
                    for j in 0..<k {
                        relative[j] = UInt64(truncatingIfNeeded: T.Magnitude(truncatingIfNeeded: deltas[j] &- minDelta))
                    }
                    relative.advanced(by: k).update(repeating: 0, count: blockSize - k)
                    writer.appendZigZag(Int64(minDelta))
                    let used = (k + miniblockSize - 1) / miniblockSize
                    var widths = (0, 0, 0, 0)
                    withUnsafeMutableBytes(of: &widths) { raw in
                        let w = raw.bindMemory(to: Int.self)
                        for m in 0..<miniblocksPerBlock {
                            var bits: UInt64 = 0
                            if m < used {
                                for j in 0..<miniblockSize { bits |= relative[m * miniblockSize + j] }
                            }
                            w[m] = BitPacking.width(of: bits)
                            writer.append(UInt8(w[m]))
                        }
                        for m in 0..<used {
                            let width = w[m]
                            writer.appendUninitialized(count: miniblockSize * width / 8) { out in
                                BitPacking.pack64(relative + m * miniblockSize, count: miniblockSize, bitWidth: width, into: out)
                            }
                        }
                    }
                    i += k
                }
            }
        }
    }

    // MARK: Decoding

    /// Decodes a whole DELTA_BINARY_PACKED sequence of INT64 values and appends them to `out`.
    ///
    /// Throws unless the header's value count equals `count` (when given). Leaves `reader` just
    /// after the last miniblock that carries data.
    package static func decode(from reader: inout ByteReader, count: Int?, appendingTo out: inout [Int64]) throws {
        try decodeValues(from: &reader, count: count, appendingTo: &out)
    }

    /// Decodes a whole DELTA_BINARY_PACKED sequence of INT32 values (32-bit wrapping arithmetic)
    /// and appends them to `out`; see the INT64 variant.
    package static func decode(from reader: inout ByteReader, count: Int?, appendingTo out: inout [Int32]) throws {
        try decodeValues(from: &reader, count: count, appendingTo: &out)
    }

    /// The validated header.
    struct Header {
        var blockSize: Int
        var miniblockCount: Int
        var totalCount: Int
        var firstValue: Int64

        var miniblockSize: Int { blockSize / miniblockCount }

        init(from reader: inout ByteReader) throws {
            let block = try reader.readVarint()
            guard block > 0, block % 128 == 0, block <= UInt64(DeltaBinaryPacked.maxBlockSize) else {
                throw ColumnarError.corrupt(
                    "DELTA_BINARY_PACKED block size \(block) is not a positive multiple of 128 up to \(DeltaBinaryPacked.maxBlockSize)")
            }
            let miniblocks = try reader.readVarint()
            guard miniblocks > 0, miniblocks <= block, block % miniblocks == 0, (block / miniblocks) % 32 == 0 else {
                throw ColumnarError.corrupt(
                    "DELTA_BINARY_PACKED miniblock count \(miniblocks) does not split block size \(block) into multiples of 32")
            }
            let total = try reader.readVarint()
            guard total <= UInt64(Int32.max) else {
                throw ColumnarError.corrupt("DELTA_BINARY_PACKED total value count \(total) exceeds 2^31-1")
            }
            blockSize = Int(block)
            miniblockCount = Int(miniblocks)
            totalCount = Int(total)
            firstValue = try reader.readZigZag()
        }
    }

    @inline(__always)
    private static func decodeValues<T: FixedWidthInteger & BitwiseCopyable>(
        from reader: inout ByteReader, count: Int?, appendingTo out: inout [T]
    ) throws {
        let header = try Header(from: &reader)
        if let count, count != header.totalCount {
            throw ColumnarError.corrupt(
                "DELTA_BINARY_PACKED header holds \(header.totalCount) values but \(count) were expected")
        }
        guard header.totalCount > 0 else { return }
        let start = out.count
        // The caller vouches for `count`; without it, trust the header only as far as the bytes
        // could plausibly hold (output still grows as values actually decode).
        out.reserveAdditional(count != nil ? header.totalCount : min(header.totalCount, 1 + reader.remaining * 8))
        var last = UInt64(bitPattern: header.firstValue)
        out.append(T(truncatingIfNeeded: last))
        var left = header.totalCount - 1
        let miniblockSize = header.miniblockSize
        do {
            try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { scratchBuffer in
                guard let scratch = scratchBuffer.baseAddress else { return }
                while left > 0 {
                    let minDelta = UInt64(bitPattern: try reader.readZigZag())
                    let widths = try reader.take(header.miniblockCount, "DELTA_BINARY_PACKED miniblock bit widths")
                    let inBlock = min(left, header.blockSize)
                    try out.appendUninitialized(count: inBlock) { dst in
                        var done = 0
                        var miniblock = 0
                        while done < inBlock {
                            let width = Int(reader.bytes[widths.lowerBound + miniblock])
                            guard width <= 64 else {
                                throw ColumnarError.corrupt("DELTA_BINARY_PACKED miniblock bit width \(width) exceeds 64")
                            }
                            let byteCount = miniblockSize * width / 8
                            try reader.require(byteCount, "DELTA_BINARY_PACKED miniblock of \(miniblockSize) values at bit width \(width)")
                            let n = min(miniblockSize, inBlock - done)
                            reader.withUnsafeRemainingBytes { raw in
                                guard let src = raw.baseAddress else { return }
                                var offset = 0
                                while offset < n {
                                    let chunk = min(64, n - offset)
                                    let groups = (chunk + 7) / 8
                                    let byteOffset = offset / 8 * width
                                    BitPacking.unpack64(
                                        src + byteOffset, available: raw.count - byteOffset, bitWidth: width,
                                        groups: groups, into: scratch)
                                    for j in 0..<chunk {
                                        last = last &+ minDelta &+ scratch[j]
                                        dst[done + offset + j] = T(truncatingIfNeeded: last)
                                    }
                                    offset += chunk
                                }
                            }
                            reader.position += byteCount
                            done += n
                            miniblock += 1
                        }
                    }
                    left -= inBlock
                }
            }
        } catch {
            out.removeSubrange(start...)
            throw error
        }
    }
}
