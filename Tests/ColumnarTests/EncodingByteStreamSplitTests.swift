import Columnar
import Testing

@Suite("BYTE_STREAM_SPLIT")
struct EncodingByteStreamSplitTests {
    @Test("Encodings.md example: three floats")
    func specExample() throws {
        let raw: [UInt8] = [0xAA, 0xBB, 0xCC, 0xDD, 0x00, 0x11, 0x22, 0x33, 0xA3, 0xB4, 0xC5, 0xD6]
        var plain = ByteReader(raw)
        var floats: [Float] = []
        try PlainEncoding.decode(from: &plain, count: 3, appendingTo: &floats)
        var writer = ByteWriter()
        floats.withUnsafeBufferPointer { ByteStreamSplit.encode($0, into: &writer) }
        #expect(writer.bytes == [0xAA, 0x00, 0xA3, 0xBB, 0x11, 0xB4, 0xCC, 0x22, 0xC5, 0xDD, 0x33, 0xD6])
        var reader = ByteReader(writer.bytes)
        var out: [Float] = []
        try ByteStreamSplit.decode(from: &reader, count: 3, appendingTo: &out)
        #expect(bitsEqual(out, floats))
        var flba = ByteReader(writer.bytes)
        var column = ByteArrayColumn()
        try ByteStreamSplit.decodeFixedLengthByteArrays(from: &flba, count: 3, typeLength: 4, appendingTo: &column)
        #expect(column.bytes == raw)
        #expect(column.offsets == [0, 4, 8, 12])
    }

    @Test("Round trips for every fixed-width type", arguments: encodingCounts)
    func roundTrips(count: Int) throws {
        var rng = EncodingSplitMix64(seed: UInt64(count) + 17)
        try check((0..<count).map { _ in Double(bitPattern: rng.next()) } + [.nan, -0.0, .infinity])
        try check((0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) } + [.nan, -0.0])
        try check((0..<count).map { _ in Int32(truncatingIfNeeded: rng.next()) } + [.min, .max])
        try check((0..<count).map { _ in Int64(bitPattern: rng.next()) } + [.min, .max])
    }

    private func check<T: PlainFixedWidth>(_ values: [T]) throws {
        var writer = ByteWriter()
        values.withUnsafeBufferPointer { ByteStreamSplit.encode($0, into: &writer) }
        #expect(writer.bytes.count == values.count * MemoryLayout<T>.size)
        var reader = ByteReader([0xAB] + writer.bytes, range: 1..<(1 + writer.bytes.count))
        var out = [T(plainBits: 5)]
        try ByteStreamSplit.decode(from: &reader, count: values.count, appendingTo: &out)
        #expect(bitsEqual(out, [T(plainBits: 5)] + values))
        #expect(reader.isAtEnd)
    }

    @Test("Fixed-length byte arrays of odd width")
    func oddWidth() throws {
        let values: [[UInt8]] = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]]
        var streams = [UInt8](repeating: 0, count: 15)
        for i in 0..<3 { for k in 0..<5 { streams[k * 3 + i] = values[i][k] } }
        var reader = ByteReader(streams)
        var column = ByteArrayColumn()
        column.append([0xFF])
        try ByteStreamSplit.decodeFixedLengthByteArrays(from: &reader, count: 3, typeLength: 5, appendingTo: &column)
        #expect((1...3).map { Array(column[$0]) } == values)
    }

    @Test("The page must hold exactly count values")
    func sizeMismatch() throws {
        var writer = ByteWriter()
        [Int64(1), 2, 3].withUnsafeBufferPointer { ByteStreamSplit.encode($0, into: &writer) }
        for cut in 0..<writer.bytes.count {
            var reader = ByteReader(Array(writer.bytes[0..<cut]))
            var out: [Int64] = []
            #expect(throws: ColumnarError.self) { try ByteStreamSplit.decode(from: &reader, count: 3, appendingTo: &out) }
        }
        var long = ByteReader(writer.bytes + [0])
        var out: [Int64] = []
        #expect(throws: ColumnarError.self) { try ByteStreamSplit.decode(from: &long, count: 3, appendingTo: &out) }
        var reader = ByteReader(writer.bytes)
        var column = ByteArrayColumn()
        #expect(throws: ColumnarError.self) {
            try ByteStreamSplit.decodeFixedLengthByteArrays(from: &reader, count: 3, typeLength: 0, appendingTo: &column)
        }
        #expect(throws: ColumnarError.self) {
            try ByteStreamSplit.decodeFixedLengthByteArrays(from: &reader, count: Int.max / 3, typeLength: 8, appendingTo: &column)
        }
        #expect(throws: ColumnarError.self) { try ByteStreamSplit.decode(from: &reader, count: -1, appendingTo: &out) }
    }
}
