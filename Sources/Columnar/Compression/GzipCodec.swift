import CZlib

/// GZIP page compression over zlib.
///
/// Parquet's GZIP codec is the gzip format (RFC 1952). Pages are written as one gzip member;
/// reading auto-detects gzip or zlib headers and accepts concatenated gzip members.
/// The `z_stream`s live on the heap (zlib keeps a pointer back to them) and are reset per page.
final class GzipCodec: PageCodec {
    /// The level used when none is given (zlib's default; readers ignore it).
    static let defaultLevel = 6
    /// The levels zlib accepts; -1 is `Z_DEFAULT_COMPRESSION`.
    static let levels: ClosedRange<Int> = -1...9

    /// `windowBits` for deflate: 32 KiB window, gzip wrapper.
    private static let gzipWindowBits: Int32 = 15 + 16
    /// `windowBits` for inflate: 32 KiB window, detect zlib or gzip wrapper.
    private static let autoWindowBits: Int32 = 15 + 32

    private let level: Int32
    private var deflater: UnsafeMutablePointer<z_stream>?
    private var inflater: UnsafeMutablePointer<z_stream>?

    init(level: Int) {
        self.level = Int32(clamping: level)
    }

    deinit {
        if let deflater {
            deflateEnd(deflater)
            deflater.deallocate()
        }
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
    }

    func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        try Codecs.checkCompressInput(input, codec: "GZIP")
        let stream = try deflateStream()
        guard deflateReset(stream) == Z_OK else {
            throw ColumnarError.invalidArgument("GZIP deflateReset failed" + Self.message(stream))
        }
        // deflateBound includes the gzip header and trailer; the margin is belt and braces.
        let bound = Int(deflateBound(stream, uLong(input.count))) + 32
        try Codecs.append(to: &output, maxCount: bound) { destination in
            try Codecs.withNonNullBase(input) { source in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = uInt(input.count)
                stream.pointee.next_out = destination.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(destination.count)
                defer {
                    stream.pointee.next_in = nil
                    stream.pointee.next_out = nil
                }
                let status = deflate(stream, Z_FINISH)
                guard status == Z_STREAM_END else {
                    throw ColumnarError.invalidArgument(
                        "GZIP compression of \(input.count) bytes failed (zlib status \(status))" + Self.message(stream)
                    )
                }
                return destination.count - Int(stream.pointee.avail_out)
            }
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        try Codecs.checkUncompressedSize(uncompressedSize, codec: "GZIP")
        let stream = try inflateStream()
        guard inflateReset(stream) == Z_OK else {
            throw ColumnarError.corrupt("GZIP inflateReset failed" + Self.message(stream))
        }
        return try Codecs.makeBytes(count: uncompressedSize) { destination in
            // next_out must be non-null even for an empty page, or inflate reports Z_STREAM_ERROR.
            stream.pointee.next_out = destination.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(destination.count)
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            )
            stream.pointee.avail_in = uInt(input.count)
            defer {
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
            try inflateAll(stream, inputCount: input.count, uncompressedSize: uncompressedSize)
            return destination.count - Int(stream.pointee.avail_out)
        }
    }

    /// Runs `inflate` until the input is used up, accepting concatenated gzip members;
    /// throws if the data is invalid, truncated, or does not expand to exactly `uncompressedSize`.
    private func inflateAll(_ stream: UnsafeMutablePointer<z_stream>, inputCount: Int, uncompressedSize: Int) throws {
        func produced() -> Int { uncompressedSize - Int(stream.pointee.avail_out) }
        while true {
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                let remaining = Int(stream.pointee.avail_in)
                if remaining == 0 {
                    guard produced() == uncompressedSize else {
                        throw ColumnarError.corrupt(
                            "GZIP page data expands to \(produced()) bytes, but the page header says \(uncompressedSize)"
                        )
                    }
                    return
                }
                // Another gzip member follows (as `cat a.gz b.gz` produces)?
                if remaining >= 2, let next = stream.pointee.next_in, next[0] == 0x1f, next[1] == 0x8b {
                    guard inflateReset(stream) == Z_OK else {
                        throw ColumnarError.corrupt("GZIP inflateReset failed" + Self.message(stream))
                    }
                    continue
                }
                throw ColumnarError.corrupt(
                    "GZIP page data has \(remaining) unexpected bytes after the end of the compressed stream (of \(inputCount))"
                )
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: either the output is full or the input ran out.
                if stream.pointee.avail_out == 0 {
                    throw ColumnarError.corrupt(
                        "GZIP page data expands to more than the \(uncompressedSize) bytes the page header says"
                    )
                }
                throw ColumnarError.corrupt(
                    "GZIP page data (\(inputCount) bytes) ends before the compressed stream does (truncated after producing \(produced()) of \(uncompressedSize) bytes)"
                )
            case Z_NEED_DICT:
                throw ColumnarError.corrupt("GZIP page data asks for a preset dictionary, which Parquet does not use")
            default:
                throw ColumnarError.corrupt(
                    "GZIP page data (\(inputCount) bytes) is invalid (zlib status \(status))" + Self.message(stream)
                )
            }
        }
    }

    private func deflateStream() throws -> UnsafeMutablePointer<z_stream> {
        if let deflater { return deflater }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = aigq_deflateInit2(stream, level, Self.gzipWindowBits)
        guard status == Z_OK else {
            stream.deallocate()
            throw ColumnarError.invalidArgument("GZIP deflateInit2 at level \(level) failed (zlib status \(status))")
        }
        deflater = stream
        return stream
    }

    private func inflateStream() throws -> UnsafeMutablePointer<z_stream> {
        if let inflater { return inflater }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = aigq_inflateInit2(stream, Self.autoWindowBits)
        guard status == Z_OK else {
            stream.deallocate()
            throw ColumnarError.corrupt("GZIP inflateInit2 failed (zlib status \(status))")
        }
        inflater = stream
        return stream
    }

    /// zlib's message for the last error, as `": <msg>"`, or empty.
    private static func message(_ stream: UnsafeMutablePointer<z_stream>) -> String {
        guard let msg = stream.pointee.msg else { return "" }
        return ": '" + String(cString: msg) + "'"
    }
}
