import CZstd

/// Zstandard page compression over Debian's libzstd.
///
/// Holds one `ZSTD_CCtx` and one `ZSTD_DCtx`, created on first use and reused for every page.
final class ZstdCodec: PageCodec {
    /// The level used when none is given (readers ignore it).
    static let defaultLevel = 3

    /// The levels libzstd accepts (0 selects its default).
    static var levels: ClosedRange<Int> { Int(ZSTD_minCLevel())...Int(ZSTD_maxCLevel()) }

    /// `ZSTD_CONTENTSIZE_UNKNOWN`: the frame header does not state a content size.
    private static let contentSizeUnknown = UInt64.max
    /// `ZSTD_CONTENTSIZE_ERROR`: the input does not start with a zstd frame.
    private static let contentSizeError = UInt64.max - 1

    private let level: Int32
    private var cctx: OpaquePointer?
    private var dctx: OpaquePointer?

    init(level: Int) {
        self.level = Int32(clamping: level)
    }

    deinit {
        if let cctx { ZSTD_freeCCtx(cctx) }
        if let dctx { ZSTD_freeDCtx(dctx) }
    }

    func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws {
        try Codecs.checkCompressInput(input, codec: "ZSTD")
        let context = try compressionContext()
        let bound = ZSTD_compressBound(input.count)
        guard ZSTD_isError(bound) == 0 else {
            throw ColumnarError.invalidArgument("ZSTD cannot compress \(input.count) bytes: \(Self.errorName(bound))")
        }
        let level = self.level
        try Codecs.append(to: &output, maxCount: bound) { destination in
            let written = Codecs.withNonNullBase(input) { source in
                ZSTD_compressCCtx(context, destination.baseAddress, destination.count, source, input.count, level)
            }
            guard ZSTD_isError(written) == 0 else {
                throw ColumnarError.invalidArgument("ZSTD compression at level \(level) failed: \(Self.errorName(written))")
            }
            return written
        }
    }

    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8] {
        try Codecs.checkUncompressedSize(uncompressedSize, codec: "ZSTD")
        try Codecs.withNonNullBase(input) { source in
            let contentSize = ZSTD_getFrameContentSize(source, input.count)
            if contentSize == Self.contentSizeError {
                throw ColumnarError.corrupt(
                    "ZSTD page data (\(input.count) bytes) does not start with a zstd frame" + Self.describePrefix(input)
                )
            }
            if contentSize != Self.contentSizeUnknown {
                // A single frame must state the page's size exactly; the first of several frames
                // states only its own part, which cannot exceed the page.
                let firstFrameSize = ZSTD_findFrameCompressedSize(source, input.count)
                let isSingleFrame = ZSTD_isError(firstFrameSize) == 0 && firstFrameSize == input.count
                if isSingleFrame ? contentSize != UInt64(uncompressedSize) : contentSize > UInt64(uncompressedSize) {
                    throw ColumnarError.corrupt(
                        "ZSTD frame header says the page expands to \(contentSize) bytes, but the page header says \(uncompressedSize)"
                    )
                }
            }
        }
        let context = try decompressionContext()
        return try Codecs.makeBytes(count: uncompressedSize) { destination in
            let written = Codecs.withNonNullBase(input) { source in
                ZSTD_decompressDCtx(context, destination.baseAddress, destination.count, source, input.count)
            }
            guard ZSTD_isError(written) == 0 else {
                throw ColumnarError.corrupt(
                    "ZSTD page data (\(input.count) bytes, expected to expand to \(uncompressedSize)) cannot be decompressed: \(Self.errorName(written))"
                )
            }
            guard written == uncompressedSize else {
                throw ColumnarError.corrupt(
                    "ZSTD page data expands to \(written) bytes, but the page header says \(uncompressedSize)"
                )
            }
            return written
        }
    }

    private func compressionContext() throws -> OpaquePointer {
        if let cctx { return cctx }
        guard let created = ZSTD_createCCtx() else {
            throw ColumnarError.invalidArgument("ZSTD_createCCtx failed (out of memory)")
        }
        cctx = created
        return created
    }

    private func decompressionContext() throws -> OpaquePointer {
        if let dctx { return dctx }
        guard let created = ZSTD_createDCtx() else {
            throw ColumnarError.corrupt("ZSTD_createDCtx failed (out of memory)")
        }
        dctx = created
        return created
    }

    /// libzstd's text for an error result, quoted.
    private static func errorName(_ code: Int) -> String {
        guard let name = ZSTD_getErrorName(code) else { return "error \(code)" }
        return "'" + String(cString: name) + "'"
    }

    /// `"; it starts with 0x28b52ffd"`-style hint for a bad magic number.
    private static func describePrefix(_ input: UnsafeRawBufferPointer) -> String {
        guard !input.isEmpty else { return "" }
        let hex = input.prefix(4).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        return "; it starts with 0x\(hex), not the zstd magic 0x28b52ffd"
    }
}
