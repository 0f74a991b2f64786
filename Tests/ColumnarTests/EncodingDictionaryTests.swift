import Columnar
import Testing

@Suite("Dictionary encoders")
struct EncodingDictionaryTests {
    @Test("Indices map back to the values, continuing across pages", arguments: encodingCounts)
    func fixedWidth(count: Int) throws {
        var rng = EncodingSplitMix64(seed: UInt64(count))
        var encoder = DictionaryEncoder<Int64>(limitBytes: 1 << 30)
        var all: [Int64] = []
        var indices: [UInt32] = []
        for distinct in [3, 5000, 1 << 40] {
            let page = (0..<count).map { _ in Int64(bitPattern: rng.next() % UInt64(distinct)) - 7 }
            all += page
            let pageIndices = page.withUnsafeBufferPointer { encoder.encode($0) }
            indices += try #require(pageIndices)
        }
        let dictionary = encoder.dictionary
        #expect(Set(dictionary).count == dictionary.count)
        #expect(indices.map { dictionary[Int($0)] } == all)
        // First-seen order.
        var seen = Set<Int64>()
        #expect(all.filter { seen.insert($0).inserted } == dictionary)
    }

    @Test("Floating-point keys compare by bit pattern")
    func bitPatterns() throws {
        let nan1 = Double(bitPattern: 0x7FF8_0000_0000_0001)
        let values: [Double] = [0.0, -0.0, .nan, nan1, .nan, -0.0, .infinity, -.infinity, 0.0, nan1]
        var encoder = DictionaryEncoder<Double>(limitBytes: 1000)
        let encoded = values.withUnsafeBufferPointer { encoder.encode($0) }
        let indices = try #require(encoded)
        #expect(indices == [0, 1, 2, 3, 2, 1, 4, 5, 0, 3])
        #expect(encoder.dictionary.map(\.bitPattern) == [0.0, -0.0, .nan, nan1, .infinity, -.infinity].map(\.bitPattern))
        var floats = DictionaryEncoder<Float>(limitBytes: 1000)
        let floatIndices = [Float(0), -0.0, .nan, 0].withUnsafeBufferPointer { floats.encode($0) }
        #expect(floatIndices == [0, 1, 2, 0])
        var ints = DictionaryEncoder<Int32>(limitBytes: 1000)
        let intIndices = [Int32.min, .max, -1, .min].withUnsafeBufferPointer { ints.encode($0) }
        #expect(intIndices == [0, 1, 2, 0])
    }

    @Test("Gives up past the byte limit and stays given up")
    func limit() throws {
        var encoder = DictionaryEncoder<Int32>(limitBytes: 40)  // 10 entries
        let first = (0..<10).map { Int32($0) }
        let firstIndices = first.withUnsafeBufferPointer { encoder.encode($0) }
        #expect(firstIndices == (0..<10).map { UInt32($0) })
        let over = [Int32(3), 11, 4].withUnsafeBufferPointer { encoder.encode($0) }
        #expect(over == nil)
        #expect(encoder.dictionary == first)
        let after = [Int32(3)].withUnsafeBufferPointer { encoder.encode($0) }
        #expect(after == nil)
        var empty = DictionaryEncoder<Double>(limitBytes: 0)
        let none = [1.0].withUnsafeBufferPointer { empty.encode($0) }
        #expect(none == nil)
    }

    @Test("Byte arrays: indices, empty and CJK values, growth", arguments: encodingCounts)
    func byteArrays(count: Int) throws {
        var encoder = ByteArrayDictionaryEncoder(limitBytes: 1 << 30)
        var rng = EncodingSplitMix64(seed: UInt64(count))
        var pages: [ByteArrayColumn] = [encodingSampleStrings(count: count, seed: UInt64(count))]
        pages.append(ByteArrayColumn(strings: (0..<count).map { _ in "k\(rng.next() % 3000)-日本" }))
        pages.append(ByteArrayColumn(strings: (0..<count).map { _ in String(repeating: "z", count: Int(rng.next() % 40)) }))
        var expected: [[UInt8]] = []
        var indices: [UInt32] = []
        for page in pages {
            let pageIndices = encoder.encode(page)
            indices += try #require(pageIndices)
            expected += (0..<page.count).map { Array(page[$0]) }
        }
        let dictionary = encoder.dictionary
        let entries = (0..<dictionary.count).map { Array(dictionary[$0]) }
        #expect(Set(entries).count == entries.count)
        #expect(indices.map { entries[Int($0)] } == expected)
    }

    @Test("Byte array limit counts 4 + length per entry")
    func byteArrayLimit() throws {
        var encoder = ByteArrayDictionaryEncoder(limitBytes: 4 + 3 + 4 + 0 + 4 + 6)
        let page = ByteArrayColumn(strings: ["abc", "", "日本", "abc", ""])
        let indices = encoder.encode(page)
        #expect(indices == [0, 1, 2, 0, 1])
        let over = encoder.encode(ByteArrayColumn(strings: ["", "x"]))
        #expect(over == nil)
        #expect(encoder.dictionary == ByteArrayColumn(strings: ["abc", "", "日本"]))
        let after = encoder.encode(ByteArrayColumn(strings: [""]))
        #expect(after == nil)
    }
}
