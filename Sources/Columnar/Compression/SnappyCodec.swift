import CSnappy

/// Snappy page compression over Debian's libsnappy (raw snappy blocks, as Parquet uses them).
final class SnappyCodec: PageCodec {
    init() {}

    func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        try Codecs.checkCompressInput(input, codec: "SNAPPY")
        let bound = snappy_max_compressed_length(input.count)
        try Codecs.append(to: &output, maxCount: bound) { destination in
            var length = destination.count
            let status = Codecs.withNonNullBase(input) { source in
                snappy_compress(
                    source.assumingMemoryBound(to: CChar.self), input.count,
                    destination.baseAddress?.assumingMemoryBound(to: CChar.self), &length
                )
            }
            guard status == SNAPPY_OK else {
                throw ColumnarError.invalidArgument("SNAPPY compression of \(input.count) bytes failed (status \(status.rawValue))")
            }
            return length
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        try Codecs.checkUncompressedSize(uncompressedSize, codec: "SNAPPY")
        var statedLength = 0
        let lengthStatus = Codecs.withNonNullBase(input) { source in
            snappy_uncompressed_length(source.assumingMemoryBound(to: CChar.self), input.count, &statedLength)
        }
        guard lengthStatus == SNAPPY_OK else {
            throw ColumnarError.corrupt(
                "SNAPPY page data (\(input.count) bytes) does not start with a valid length header"
            )
        }
        guard statedLength == uncompressedSize else {
            throw ColumnarError.corrupt(
                "SNAPPY data says the page expands to \(statedLength) bytes, but the page header says \(uncompressedSize)"
            )
        }
        return try Codecs.makeBytes(count: uncompressedSize) { destination in
            var length = destination.count
            let status = Codecs.withNonNullBase(input) { source in
                snappy_uncompress(
                    source.assumingMemoryBound(to: CChar.self), input.count,
                    destination.baseAddress?.assumingMemoryBound(to: CChar.self), &length
                )
            }
            guard status == SNAPPY_OK else {
                throw ColumnarError.corrupt(
                    "SNAPPY page data (\(input.count) bytes, expected to expand to \(uncompressedSize)) is invalid (status \(status.rawValue))"
                )
            }
            guard length == uncompressedSize else {
                throw ColumnarError.corrupt(
                    "SNAPPY page data expands to \(length) bytes, but the page header says \(uncompressedSize)"
                )
            }
            return length
        }
    }
}
