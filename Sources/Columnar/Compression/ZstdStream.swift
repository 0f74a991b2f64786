import CZstd

/// Streaming zstd for whole files (`.jsonl.zst` raw logs): compress bytes as they come, or
/// decompress a frame sequence chunk by chunk with memory bounded by the chunk size.
///
/// ```swift
/// var z = try ZstdStreamCompressor(level: 3)
/// var out: [UInt8] = []
/// try z.compress(Array("line\n".utf8), into: &out)
/// try z.finish(into: &out)
/// ```
public final class ZstdStreamCompressor {
    private let context: OpaquePointer

    /// A compressor at `level` (1–19; 3 is zstd's default).
    public init(level: Int = 3) throws {
        guard let context = ZSTD_createCCtx() else { throw ColumnarError.invalidArgument("ZSTD_createCCtx failed (out of memory)") }
        self.context = context
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(clamping: level))
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Compresses `input`, appending whatever output is ready to `output`.
    public func compress(_ input: [UInt8], into output: inout [UInt8]) throws {
        try run(input, mode: ZSTD_e_continue, into: &output)
    }

    /// Ends the frame, appending the rest of the output.
    public func finish(into output: inout [UInt8]) throws {
        try run([], mode: ZSTD_e_end, into: &output)
    }

    private func run(_ input: [UInt8], mode: ZSTD_EndDirective, into output: inout [UInt8]) throws {
        var chunk = [UInt8](repeating: 0, count: ZSTD_CStreamOutSize())
        try input.withUnsafeBytes { source in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            while true {
                let (remaining, produced): (Int, Int) = chunk.withUnsafeMutableBytes { destination in
                    var outBuffer = ZSTD_outBuffer(dst: destination.baseAddress, size: destination.count, pos: 0)
                    let r = ZSTD_compressStream2(context, &outBuffer, &inBuffer, mode)
                    return (r, outBuffer.pos)
                }
                if ZSTD_isError(remaining) != 0 {
                    throw ColumnarError.invalidArgument("zstd compression failed: \(String(cString: ZSTD_getErrorName(remaining)))")
                }
                output.append(contentsOf: chunk[0..<produced])
                let done = mode == ZSTD_e_end ? remaining == 0 : inBuffer.pos == inBuffer.size
                if done { break }
            }
        }
    }
}

/// Decompresses a zstd stream (one or more frames) fed in chunks.
public final class ZstdStreamDecompressor {
    private let context: OpaquePointer
    private var inFrame = false

    /// A decompressor.
    public init() throws {
        guard let context = ZSTD_createDCtx() else { throw ColumnarError.corrupt("ZSTD_createDCtx failed (out of memory)") }
        self.context = context
    }

    deinit { ZSTD_freeDCtx(context) }

    /// The input chunk size zstd recommends.
    public static var recommendedInputSize: Int { ZSTD_DStreamInSize() }

    /// Decompresses `input`, appending the output to `output`.
    public func decompress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        guard input.count > 0 else { return }
        var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        while inBuffer.pos < inBuffer.size {
            let (hint, produced): (Int, Int) = chunk.withUnsafeMutableBytes { destination in
                var outBuffer = ZSTD_outBuffer(dst: destination.baseAddress, size: destination.count, pos: 0)
                let r = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                return (r, outBuffer.pos)
            }
            if ZSTD_isError(hint) != 0 {
                throw ColumnarError.corrupt("zstd data cannot be decompressed: \(String(cString: ZSTD_getErrorName(hint)))")
            }
            output.append(contentsOf: chunk[0..<produced])
            inFrame = hint != 0
        }
        // Drain output still buffered inside zstd for the data already consumed.
        while inFrame {
            var empty = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
            let (hint, produced): (Int, Int) = chunk.withUnsafeMutableBytes { destination in
                var outBuffer = ZSTD_outBuffer(dst: destination.baseAddress, size: destination.count, pos: 0)
                let r = ZSTD_decompressStream(context, &outBuffer, &empty)
                return (r, outBuffer.pos)
            }
            if ZSTD_isError(hint) != 0 {
                throw ColumnarError.corrupt("zstd data cannot be decompressed: \(String(cString: ZSTD_getErrorName(hint)))")
            }
            output.append(contentsOf: chunk[0..<produced])
            inFrame = hint != 0
            if produced < chunk.count { break }
        }
    }

    /// Throws when the stream ended inside a frame (a truncated file).
    public func finish() throws {
        if inFrame { throw ColumnarError.truncated("the zstd stream ends inside a frame (the file is truncated)") }
    }
}
