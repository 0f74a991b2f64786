import Columnar
import Testing

@Suite struct ZstdStreamTests {
    @Test(arguments: [0, 1, 1000, 300_000])
    func roundTripsInChunks(size: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let words = ["alpha", "beta", "gamma", "登山鞋", "\n"]
        var input: [UInt8] = []
        while input.count < size { input.append(contentsOf: Array(words[Int(rng.next() % 5)].utf8)) }
        input = Array(input.prefix(size))
        let compressor = try ZstdStreamCompressor(level: 3)
        var compressed: [UInt8] = []
        for start in stride(from: 0, to: input.count, by: 7_777) {
            try compressor.compress(Array(input[start..<min(input.count, start + 7_777)]), into: &compressed)
        }
        try compressor.finish(into: &compressed)
        let decompressor = try ZstdStreamDecompressor()
        var output: [UInt8] = []
        for start in stride(from: 0, to: compressed.count, by: 1_000) {
            try compressed[start..<min(compressed.count, start + 1_000)].withUnsafeBytes {
                try decompressor.decompress($0, into: &output)
            }
        }
        try decompressor.finish()
        #expect(output == input)
    }

    @Test func truncatedStreamIsReported() throws {
        let compressor = try ZstdStreamCompressor()
        var compressed: [UInt8] = []
        try compressor.compress(Array(repeating: 65, count: 100_000) + Array("xyz".utf8), into: &compressed)
        try compressor.finish(into: &compressed)
        let decompressor = try ZstdStreamDecompressor()
        var output: [UInt8] = []
        try compressed.prefix(compressed.count - 4).withUnsafeBytes { try decompressor.decompress($0, into: &output) }
        #expect(throws: ColumnarError.self) { try decompressor.finish() }
    }
}
