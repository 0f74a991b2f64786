import Columnar
import Foundation
import Testing

/// Kinds of page content.
enum PageData: String, CaseIterable, CustomTestStringConvertible {
    case random, repetitive, textLike

    var testDescription: String { rawValue }

    func bytes(_ count: Int, seed: UInt64 = 42) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        switch self {
        case .random:
            return rng.bytes(count)
        case .repetitive:
            let pattern = Array("parquet page 0123456789 ".utf8)
            return (0..<count).map { pattern[$0 % pattern.count] }
        case .textLike:
            return textLikeBytes(count, rng: &rng)
        }
    }
}

/// Semi-compressible bytes: words from a small vocabulary mixed with random numbers.
private func textLikeBytes(_ count: Int, rng: inout SplitMix64) -> [UInt8] {
    let words = [
        "user", "event", "click", "view", "session", "page", "model", "score", "token", "label",
        "alpha", "beta", "gamma", "delta", "train", "test", "valid", "image", "text", "audio",
    ].map { Array($0.utf8) }
    var result = [UInt8]()
    result.reserveCapacity(count + 32)
    while result.count < count {
        let r = rng.next()
        result.append(contentsOf: words[Int(r % UInt64(words.count))])
        result.append(0x20)
        if r & 0x300 == 0 {
            result.append(contentsOf: Array(String(r >> 40).utf8))
            result.append(0x2C)
        }
    }
    result.removeLast(result.count - count)
    return result
}

/// The compressions every table runs over.
private let allCompressions: [Compression] = [
    .snappy, .gzip(level: 0), .gzip(level: 1), .gzip(level: 6), .gzip(level: 9), .gzip(level: -1),
    .zstd(level: -5), .zstd(level: 0), .zstd(level: 1), .zstd(level: 3), .zstd(level: 9), .zstd(level: 19),
]
private let sizes = [0, 1, 100, 1 << 20]

private func compress(_ data: [UInt8], with codec: any PageCodec) throws -> [UInt8] {
    var output = [UInt8]()
    try data.withUnsafeBytes { try codec.compress($0, appendingTo: &output) }
    return output
}

private func decompress(_ data: [UInt8], size: Int, with codec: any PageCodec) throws -> [UInt8] {
    try data.withUnsafeBytes { try codec.decompress($0, uncompressedSize: size) }
}

private func makeCodec(_ compression: Compression) throws -> any PageCodec {
    guard let codec = try Codecs.make(compression) else {
        throw ColumnarError(.invalidArgument, "no codec for \(compression)")
    }
    return codec
}

/// Runs `body`, expecting a ColumnarError with `code`; returns it.
@discardableResult
private func expectError(
    _ code: ColumnarError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> ColumnarError? {
    do {
        try body()
        Issue.record("expected a \(code) error, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as ColumnarError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected ColumnarError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

@Suite struct CompressionTests {
    // MARK: Round trips

    @Test(arguments: allCompressions, sizes)
    func roundTrip(compression: Compression, size: Int) throws {
        let writer = try makeCodec(compression)
        let reader = try #require(try Codecs.make(thriftCode: compression.thriftCode))
        for kind in PageData.allCases {
            let data = kind.bytes(size)
            let compressed = try compress(data, with: writer)
            if kind == .repetitive, size == 1 << 20, compression != .gzip(level: 0) {
                #expect(compressed.count < size / 20, "\(compression) \(kind): \(compressed.count) bytes")
            }
            #expect(try decompress(compressed, size: size, with: reader) == data, "\(compression) \(kind)")
            // The writer's own instance decompresses too.
            #expect(try decompress(compressed, size: size, with: writer) == data)
        }
    }

    @Test(arguments: allCompressions)
    func appendsAfterExistingBytesAndReusesContexts(compression: Compression) throws {
        let codec = try makeCodec(compression)
        var output: [UInt8] = [1, 2, 3]
        var pages: [(range: Range<Int>, data: [UInt8])] = []
        for index in 0..<20 {
            let data = PageData.allCases[index % 3].bytes(index * 997, seed: UInt64(index))
            let start = output.count
            try data.withUnsafeBytes { try codec.compress($0, appendingTo: &output) }
            pages.append((start..<output.count, data))
        }
        #expect(Array(output[0..<3]) == [1, 2, 3])
        for page in pages {
            let slice = Array(output[page.range])
            #expect(try decompress(slice, size: page.data.count, with: codec) == page.data)
        }
        // Also with reserved capacity on an empty array.
        var reserved = [UInt8]()
        reserved.reserveCapacity(1 << 16)
        let data = PageData.textLike.bytes(5000)
        try data.withUnsafeBytes { try codec.compress($0, appendingTo: &reserved) }
        #expect(try decompress(reserved, size: data.count, with: codec) == data)
    }

    // MARK: Sizes that do not match

    @Test(arguments: allCompressions, [1, 100, 1 << 20])
    func wrongUncompressedSizeThrows(compression: Compression, size: Int) throws {
        let codec = try makeCodec(compression)
        let data = PageData.textLike.bytes(size)
        let compressed = try compress(data, with: codec)
        for wrong in [size + 1, size - 1, size * 2, 0] where wrong != size {
            expectError(.corrupt) { _ = try decompress(compressed, size: wrong, with: codec) }
        }
        // The codec still works afterwards.
        #expect(try decompress(compressed, size: size, with: codec) == data)
    }

    @Test(arguments: allCompressions)
    func hostileSizesThrowBeforeAllocating(compression: Compression) throws {
        let codec = try makeCodec(compression)
        let compressed = try compress(PageData.random.bytes(100), with: codec)
        for hostile in [-1, Int.min, Codecs.maxUncompressedPageSize + 1, Int.max] {
            let error = expectError(.corrupt) { _ = try decompress(compressed, size: hostile, with: codec) }
            #expect(error?.message.contains(String(hostile)) == true)
        }
        #expect(Codecs.maxUncompressedPageSize == 1 << 30)
    }

    @Test func zstdFrameHeaderSizeMustMatch() throws {
        let codec = try makeCodec(.zstd(level: 3))
        let compressed = try compress(PageData.repetitive.bytes(1000), with: codec)
        let error = expectError(.corrupt) { _ = try decompress(compressed, size: 10, with: codec) }
        #expect(error?.message.contains("1000") == true)
        #expect(error?.message.contains("10") == true)
    }

    // MARK: Frames and streams from other writers

    @Test func zstdFrameWithoutContentSize() throws {
        // Magic, descriptor 0x00 (no content size, not single-segment), window 1 KiB,
        // one last raw block of 5 bytes.
        let frame: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00, 0x29, 0x00, 0x00] + Array("hello".utf8)
        let codec = try #require(try Codecs.make(thriftCode: 6))
        #expect(try decompress(frame, size: 5, with: codec) == Array("hello".utf8))
        expectError(.corrupt) { _ = try decompress(frame, size: 4, with: codec) }
        expectError(.corrupt) { _ = try decompress(frame, size: 6, with: codec) }
    }

    @Test func zstdConcatenatedFrames() throws {
        let codec = try makeCodec(.zstd(level: 3))
        let a = PageData.textLike.bytes(3000, seed: 1)
        let b = PageData.random.bytes(700, seed: 2)
        let joined = try compress(a, with: codec) + compress(b, with: codec)
        #expect(try decompress(joined, size: a.count + b.count, with: codec) == a + b)
        expectError(.corrupt) { _ = try decompress(joined, size: a.count + b.count - 1, with: codec) }
        expectError(.corrupt) { _ = try decompress(joined, size: a.count + b.count + 1, with: codec) }
        expectError(.corrupt) { _ = try decompress(joined, size: a.count, with: codec) }
    }

    @Test func gzipConcatenatedMembers() throws {
        let codec = try makeCodec(.gzip(level: 6))
        let a = PageData.textLike.bytes(3000, seed: 1)
        let b = PageData.random.bytes(700, seed: 2)
        let empty = try compress([], with: codec)
        let joined = try compress(a, with: codec) + empty + compress(b, with: codec)
        #expect(try decompress(joined, size: a.count + b.count, with: codec) == a + b)
        expectError(.corrupt) { _ = try decompress(joined, size: a.count + b.count - 1, with: codec) }
        expectError(.corrupt) { _ = try decompress(joined, size: a.count + b.count + 1, with: codec) }
        // Trailing junk after the last member is an error.
        expectError(.corrupt) { _ = try decompress(joined + [0, 0, 0], size: a.count + b.count, with: codec) }
    }

    @Test func gzipFromPythonAndZlibWrapper() throws {
        let expected = Array(String(repeating: "hello parquet ", count: 10).utf8)
        // gzip.compress(b"hello parquet " * 10, mtime=0)
        let gzip: [UInt8] = [
            31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 40, 72, 44, 42, 44, 77, 45, 81,
            200, 24, 80, 30, 0, 218, 172, 190, 254, 140, 0, 0, 0,
        ]
        // zlib.compress(b"hello parquet " * 10): some writers emit the zlib wrapper instead.
        let zlib: [UInt8] = [
            120, 156, 203, 72, 205, 201, 201, 87, 40, 72, 44, 42, 44, 77, 45, 81, 200, 24, 80, 30, 0, 189,
            142, 53, 93,
        ]
        let codec = try #require(try Codecs.make(thriftCode: 2))
        #expect(try decompress(gzip, size: expected.count, with: codec) == expected)
        #expect(try decompress(zlib, size: expected.count, with: codec) == expected)
        // A corrupted CRC is detected.
        var badCRC = gzip
        badCRC[gzip.count - 6] ^= 0xFF
        expectError(.corrupt) { _ = try decompress(badCRC, size: expected.count, with: codec) }
        // Our output starts with the gzip magic.
        let ours = try compress(expected, with: codec)
        #expect(Array(ours.prefix(3)) == [0x1F, 0x8B, 0x08])
    }

    @Test func snappyHandWrittenBlock() throws {
        // Varint length 5, literal tag of length 5, "hello".
        let block: [UInt8] = [0x05, 0x10] + Array("hello".utf8)
        let codec = try #require(try Codecs.make(thriftCode: 1))
        #expect(try decompress(block, size: 5, with: codec) == Array("hello".utf8))
        expectError(.corrupt) { _ = try decompress(block, size: 6, with: codec) }
    }

    // MARK: Damaged input

    @Test(arguments: allCompressions)
    func truncatedDataThrows(compression: Compression) throws {
        let codec = try makeCodec(compression)
        for kind in PageData.allCases {
            let data = kind.bytes(20_000, seed: 7)
            let compressed = try compress(data, with: codec)
            var cuts = Set(stride(from: 0, to: compressed.count, by: max(1, compressed.count / 97)))
            cuts.formUnion(max(0, compressed.count - 40)..<compressed.count)
            for cut in cuts.sorted() {
                let prefix = Array(compressed[0..<cut])
                expectError(.corrupt) { _ = try decompress(prefix, size: data.count, with: codec) }
            }
        }
    }

    @Test(arguments: [Int32(1), 2, 6])
    func garbageThrows(thriftCode: Int32) throws {
        let codec = try #require(try Codecs.make(thriftCode: thriftCode))
        var rng = SplitMix64(seed: UInt64(thriftCode))
        let prefixes: [[UInt8]] = [[], [0x28, 0xB5, 0x2F, 0xFD], [0x1F, 0x8B, 0x08, 0x00], [0x78, 0x9C], [0x64]]
        for round in 0..<300 {
            let length = Int(rng.next() % 300)
            let garbage = prefixes[round % prefixes.count] + rng.bytes(length)
            for size in [0, 100, 4096] {
                expectError(.corrupt) { _ = try decompress(garbage, size: size, with: codec) }
            }
        }
        // Empty input never expands to a non-empty page.
        expectError(.corrupt) { _ = try decompress([], size: 10, with: codec) }
    }

    @Test(arguments: allCompressions)
    func flippedBytesNeverCrash(compression: Compression) throws {
        let codec = try makeCodec(compression)
        let data = PageData.textLike.bytes(5000, seed: 3)
        let compressed = try compress(data, with: codec)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<300 {
            var damaged = compressed
            let index = Int(rng.next() % UInt64(damaged.count))
            damaged[index] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            // Either an error or (for damage the format cannot detect) some bytes of the right size.
            if let result = try? decompress(damaged, size: data.count, with: codec) {
                #expect(result.count == data.count)
            }
        }
        #expect(try decompress(compressed, size: data.count, with: codec) == data)
    }

    // MARK: Factory

    @Test func thriftCodesAndDescriptions() throws {
        #expect(Compression.uncompressed.thriftCode == 0)
        #expect(Compression.snappy.thriftCode == 1)
        #expect(Compression.gzip(level: 6).thriftCode == 2)
        #expect(Compression.zstd(level: 3).thriftCode == 6)
        #expect(Compression.default == .zstd(level: 3))
        #expect(Compression.uncompressed.description == "UNCOMPRESSED")
        #expect(Compression.snappy.description == "SNAPPY")
        #expect(Compression.gzip(level: 9).description == "GZIP(9)")
        #expect(Compression.zstd(level: 3).description == "ZSTD(3)")
        #expect(try Codecs.make(.uncompressed) == nil)
        #expect(try Codecs.make(thriftCode: 0) == nil)
    }

    @Test(arguments: [
        (Int32(3), "'LZO'"), (4, "'BROTLI'"), (5, "'LZ4'"), (7, "'LZ4_RAW'"), (8, "8"), (-1, "-1"), (42, "42"),
    ])
    func unsupportedCodecsAreNamed(code: Int32, name: String) throws {
        let error = expectError(.unsupported) { _ = try Codecs.make(thriftCode: code) }
        let message = error?.message ?? ""
        #expect(message.contains(name), "\(message)")
        #expect(message.contains("ZSTD, SNAPPY, GZIP or none"), "\(message)")
    }

    @Test(arguments: [Compression.gzip(level: 10), .gzip(level: -2), .zstd(level: 1000), .zstd(level: Int.min)])
    func invalidLevelsAreRejected(compression: Compression) throws {
        let error = expectError(.invalidArgument) { _ = try Codecs.make(compression) }
        #expect(error?.message.contains("level") == true)
    }

    // MARK: Throughput (opt-in: AIGQ_CODEC_BENCH=1 swift test -c release --filter CompressionTests)

    @Test(.enabled(if: ProcessInfo.processInfo.environment["AIGQ_CODEC_BENCH"] == "1"))
    func throughput() throws {
        var rng = SplitMix64(seed: 5)
        let total = 64 << 20
        let pageSize = 1 << 20
        let data = textLikeBytes(total, rng: &rng)
        for compression in [Compression.zstd(level: 1), .zstd(level: 3), .snappy, .gzip(level: 1), .gzip(level: 6)] {
            let codec = try makeCodec(compression)
            var pages: [[UInt8]] = []
            let compressStart = ContinuousClock.now
            try data.withUnsafeBytes { all in
                for start in stride(from: 0, to: total, by: pageSize) {
                    var out = [UInt8]()
                    try codec.compress(UnsafeRawBufferPointer(rebasing: all[start..<(start + pageSize)]), appendingTo: &out)
                    pages.append(out)
                }
            }
            let compressTime = ContinuousClock.now - compressStart
            let decompressStart = ContinuousClock.now
            var check = 0
            for page in pages {
                check &+= try decompress(page, size: pageSize, with: codec).count
            }
            let decompressTime = ContinuousClock.now - decompressStart
            #expect(check == total)
            let compressedSize = pages.reduce(0) { $0 + $1.count }
            func mbps(_ duration: Duration) -> Int {
                let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
                return Int(Double(total) / 1_048_576 / seconds)
            }
            print(
                "\(compression): ratio \(String(format: "%.2f", Double(total) / Double(compressedSize))), compress \(mbps(compressTime)) MB/s, decompress \(mbps(decompressTime)) MB/s"
            )
        }
    }
}
