/// Creates ``PageCodec`` instances for writers and readers.
package enum Codecs {
    /// Largest page this reader will decompress (guards against hostile size fields): 1 GiB.
    ///
    /// Writers refuse to compress larger pages too, so everything written can be read back.
    package static let maxUncompressedPageSize: Int = 1 << 30

    /// A new codec for writing; nil for `.uncompressed`.
    ///
    /// Throws `.invalidArgument` for a level the library does not accept.
    package static func make(_ compression: Compression) throws -> (any PageCodec)? {
        switch compression {
        case .uncompressed:
            return nil
        case .snappy:
            return SnappyCodec()
        case .gzip(let level):
            guard GzipCodec.levels.contains(level) else {
                throw ColumnarError.invalidArgument(
                    "GZIP level \(level) is out of range; use \(GzipCodec.levels.lowerBound)...\(GzipCodec.levels.upperBound)"
                )
            }
            return GzipCodec(level: level)
        case .zstd(let level):
            let levels = ZstdCodec.levels
            guard levels.contains(level) else {
                throw ColumnarError.invalidArgument(
                    "ZSTD level \(level) is out of range; use \(levels.lowerBound)...\(levels.upperBound)"
                )
            }
            return ZstdCodec(level: level)
        }
    }

    /// A new codec for reading pages whose `ColumnMetaData.codec` is `thriftCode`.
    ///
    /// Returns nil for UNCOMPRESSED (0). Throws `.unsupported`, naming the codec, for LZO (3),
    /// BROTLI (4), LZ4 (5), LZ4_RAW (7) and values parquet.thrift does not define.
    package static func make(thriftCode: Int32) throws -> (any PageCodec)? {
        switch thriftCode {
        case 0: return nil
        case 1: return SnappyCodec()
        case 2: return GzipCodec(level: GzipCodec.defaultLevel)
        case 6: return ZstdCodec(level: ZstdCodec.defaultLevel)
        default:
            let name: String
            switch thriftCode {
            case 3: name = "compression codec 'LZO'"
            case 4: name = "compression codec 'BROTLI'"
            case 5: name = "compression codec 'LZ4'"
            case 7: name = "compression codec 'LZ4_RAW'"
            default: name = "unknown compression codec \(thriftCode)"
            }
            throw ColumnarError.unsupported(
                "column uses \(name), which this reader does not support; rewrite the file with ZSTD, SNAPPY, GZIP or none"
            )
        }
    }

    // MARK: - Helpers shared by the codecs

    /// Throws unless `size` is a page size this reader is willing to allocate.
    static func checkUncompressedSize(_ size: Int, codec: String) throws {
        guard size >= 0 else {
            throw ColumnarError.corrupt("\(codec) page declares a negative uncompressed size (\(size))")
        }
        guard size <= maxUncompressedPageSize else {
            throw ColumnarError.corrupt(
                "\(codec) page declares an uncompressed size of \(size) bytes, more than the \(maxUncompressedPageSize)-byte limit"
            )
        }
    }

    /// Throws unless `input` is small enough to be read back by ``checkUncompressedSize(_:codec:)``.
    static func checkCompressInput(_ input: UnsafeRawBufferPointer, codec: String) throws {
        guard input.count <= maxUncompressedPageSize else {
            throw ColumnarError.invalidArgument(
                "cannot \(codec)-compress a page of \(input.count) bytes: readers accept at most \(maxUncompressedPageSize); write smaller pages"
            )
        }
    }

    /// Calls `body` with a non-null pointer to `buffer`'s bytes (a dummy byte when it is empty),
    /// because some C APIs reject null even with a zero length.
    static func withNonNullBase<R>(
        _ buffer: UnsafeRawBufferPointer, _ body: (UnsafeRawPointer) throws -> R
    ) rethrows -> R {
        if let base = buffer.baseAddress { return try body(base) }
        var dummy: UInt8 = 0
        return try withUnsafePointer(to: &dummy) { try body(UnsafeRawPointer($0)) }
    }

    /// Returns a new array of exactly `count` bytes filled by `body`, which receives a
    /// non-null buffer of `count` bytes (capacity is at least one so the pointer is never null)
    /// and returns how many bytes it wrote; throws if that is not `count`.
    static func makeBytes(
        count: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int
    ) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: max(count, 1)) { buffer, initializedCount in
            let raw = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<count])
            let written = try body(raw)
            precondition(written <= count, "codec wrote past its output buffer")
            initializedCount = written
        }
    }

    /// Appends at most `maxCount` bytes to `output`, written by `body` into a buffer of
    /// `maxCount` bytes; `body` returns how many it wrote.
    static func append(
        to output: inout [UInt8], maxCount: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int
    ) rethrows {
        if output.isEmpty && output.capacity < maxCount {
            // Fresh array: no zero-filling needed.
            output = try [UInt8](unsafeUninitializedCapacity: max(maxCount, 1)) { buffer, initializedCount in
                let raw = UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[0..<maxCount])
                let written = try body(raw)
                precondition(written <= maxCount, "codec wrote past its output buffer")
                initializedCount = written
            }
            return
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: maxCount))
        let written: Int
        do {
            written = try output.withUnsafeMutableBytes { all in
                try body(UnsafeMutableRawBufferPointer(rebasing: all[start..<(start + maxCount)]))
            }
        } catch {
            output.removeSubrange(start...)
            throw error
        }
        precondition(written <= maxCount, "codec wrote past its output buffer")
        output.removeSubrange((start + written)...)
    }
}
