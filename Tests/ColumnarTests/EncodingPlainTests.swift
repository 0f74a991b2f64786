import Columnar
import Testing

/// Byte strings exercising empty values, CJK and longer-than-a-word values.
func encodingSampleStrings(count: Int, seed: UInt64) -> ByteArrayColumn {
    var rng = EncodingSplitMix64(seed: seed)
    let pool = ["", "a", "日本語", "数据列", "hello, world", "Grüße", "🙂", String(repeating: "x", count: 40)]
    var column = ByteArrayColumn()
    for i in 0..<count {
        let base = pool[Int(rng.next() % UInt64(pool.count))]
        column.append(rng.next() % 3 == 0 ? base : base + String(i % 97))
    }
    return column
}

func plainBytes<T: PlainFixedWidth>(_ values: [T]) -> [UInt8] {
    var writer = ByteWriter()
    values.withUnsafeBufferPointer { PlainEncoding.encode($0, into: &writer) }
    return writer.bytes
}

func bitsEqual<T: PlainFixedWidth>(_ a: [T], _ b: [T]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.plainBits == $1.plainBits }
}

@Suite("PLAIN encoding")
struct EncodingPlainTests {
    @Test("Fixed-width values are little-endian bytes")
    func fixedWidthBytes() throws {
        #expect(plainBytes([Int32(1), -2]) == [1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF])
        #expect(plainBytes([Int64(0x0102_0304_0506_0708)]) == [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(plainBytes([Float(1.0)]) == [0, 0, 0x80, 0x3F])
        #expect(plainBytes([Double(-2.0)]) == [0, 0, 0, 0, 0, 0, 0, 0xC0])
    }

    @Test("Round trips append to existing values, extremes bit-exact")
    func roundTrips() throws {
        for count in encodingCounts {
            var rng = EncodingSplitMix64(seed: UInt64(count))
            let ints64 = (0..<count).map { _ in Int64(bitPattern: rng.next()) } + [.min, .max, 0, -1]
            let ints32 = (0..<count).map { _ in Int32(truncatingIfNeeded: rng.next()) } + [.min, .max, 0, -1]
            let doubles = (0..<count).map { _ in Double(bitPattern: rng.next()) }
                + [.nan, -.nan, Double(bitPattern: 0x7FF0_0000_0000_0001), -0.0, 0.0, .infinity, -.infinity]
            let floats = (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
                + [.nan, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude]
            try check(ints64)
            try check(ints32)
            try check(doubles)
            try check(floats)
        }
    }

    private func check<T: PlainFixedWidth>(_ values: [T]) throws {
        let bytes = plainBytes(values)
        #expect(bytes.count == values.count * MemoryLayout<T>.size)
        // Feed the data at an odd offset inside a larger buffer, appending to existing output.
        let buffer = [0x55] + bytes + [0x66, 0x77]
        var reader = ByteReader(buffer, range: 1..<(1 + bytes.count))
        var out = [T(plainBits: 42)]
        try PlainEncoding.decode(from: &reader, count: values.count, appendingTo: &out)
        #expect(bitsEqual(out, [T(plainBits: 42)] + values))
        #expect(reader.isAtEnd)
    }

    @Test("Booleans pack LSB first", arguments: encodingCounts)
    func booleans(count: Int) throws {
        var rng = EncodingSplitMix64(seed: 99)
        let values = (0..<count).map { _ in rng.next() & 1 == 1 }
        var writer = ByteWriter()
        values.withUnsafeBufferPointer { PlainEncoding.encodeBooleans($0, into: &writer) }
        #expect(writer.bytes.count == (count + 7) / 8)
        var reader = ByteReader(writer.bytes)
        var out = [true]
        try PlainEncoding.decodeBooleans(from: &reader, count: count, appendingTo: &out)
        #expect(out == [true] + values)
        #expect(reader.isAtEnd)
    }

    @Test("Boolean bytes by hand")
    func booleanBytes() throws {
        let values = [true, false, true, true, false, false, false, false, true]
        var writer = ByteWriter()
        values.withUnsafeBufferPointer { PlainEncoding.encodeBooleans($0, into: &writer) }
        #expect(writer.bytes == [0x0D, 0x01])
        var reader = ByteReader([0x0D, 0x01])
        var out: [Bool] = []
        try PlainEncoding.decodeBooleans(from: &reader, count: 9, appendingTo: &out)
        #expect(out == values)
    }

    @Test("Byte arrays: 4-byte length then bytes")
    func byteArrayBytes() throws {
        let column = ByteArrayColumn(strings: ["", "ab", "日本"])
        var writer = ByteWriter()
        PlainEncoding.encode(column, into: &writer)
        #expect(writer.bytes == [0, 0, 0, 0, 2, 0, 0, 0, 0x61, 0x62, 6, 0, 0, 0, 0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC])
    }

    @Test("Byte array round trips", arguments: encodingCounts)
    func byteArrayRoundTrip(count: Int) throws {
        let column = encodingSampleStrings(count: count, seed: UInt64(count))
        var writer = ByteWriter()
        PlainEncoding.encode(column, into: &writer)
        var reader = ByteReader(writer.bytes)
        var out = ByteArrayColumn(strings: ["first"])
        try PlainEncoding.decodeByteArrays(from: &reader, count: count, appendingTo: &out)
        #expect(reader.isAtEnd)
        #expect(out.count == count + 1)
        #expect(out.string(at: 0) == "first")
        for i in 0..<count { #expect(out[i + 1] == column[i]) }
    }

    @Test("Fixed-length byte arrays")
    func fixedLength() throws {
        let bytes: [UInt8] = Array(0..<12)
        var reader = ByteReader(bytes)
        var out = ByteArrayColumn(strings: ["x"])
        try PlainEncoding.decodeFixedLengthByteArrays(from: &reader, count: 4, typeLength: 3, appendingTo: &out)
        #expect(out.offsets == [0, 1, 4, 7, 10, 13])
        #expect(Array(out[4]) == [9, 10, 11])
        var bad = ByteReader(bytes)
        #expect(throws: ColumnarError.self) {
            try PlainEncoding.decodeFixedLengthByteArrays(from: &bad, count: 5, typeLength: 3, appendingTo: &out)
        }
        #expect(throws: ColumnarError.self) {
            try PlainEncoding.decodeFixedLengthByteArrays(from: &bad, count: 1, typeLength: 0, appendingTo: &out)
        }
        #expect(throws: ColumnarError.self) {
            try PlainEncoding.decodeFixedLengthByteArrays(from: &bad, count: Int.max / 2, typeLength: 16, appendingTo: &out)
        }
    }

    @Test("INT96 timestamps")
    func int96() throws {
        func int96(nanos: UInt64, day: UInt32) -> [UInt8] {
            (0..<8).map { UInt8(truncatingIfNeeded: nanos >> (8 * $0)) } + (0..<4).map { UInt8(truncatingIfNeeded: day >> (8 * $0)) }
        }
        let day: Int64 = 86_400_000_000_000
        let bytes = int96(nanos: 0, day: 2_440_588) + int96(nanos: 1, day: 2_440_589) + int96(nanos: 5, day: 2_440_587)
            + int96(nanos: 3_600_000_000_000, day: 2_458_850)  // 2020-01-01T01:00Z
        var reader = ByteReader(bytes)
        var out: [Int64] = [7]
        try PlainEncoding.decodeInt96Timestamps(from: &reader, count: 4, appendingTo: &out)
        #expect(out == [7, 0, day + 1, -day + 5, 1_577_840_400_000_000_000])
        var short = ByteReader(Array(bytes[0..<23]))
        #expect(throws: ColumnarError.self) { try PlainEncoding.decodeInt96Timestamps(from: &short, count: 2, appendingTo: &out) }
    }

    @Test("Truncated and hostile PLAIN input throws")
    func hostile() throws {
        let ints = plainBytes([Int64(1), 2, 3])
        for cut in 0..<ints.count {
            var reader = ByteReader(Array(ints[0..<cut]))
            var out: [Int64] = []
            #expect(throws: ColumnarError.self) { try PlainEncoding.decode(from: &reader, count: 3, appendingTo: &out) }
        }
        var negative = ByteReader(ints)
        var out: [Int64] = []
        #expect(throws: ColumnarError.self) { try PlainEncoding.decode(from: &negative, count: -1, appendingTo: &out) }
        var huge = ByteReader(ints)
        #expect(throws: ColumnarError.self) { try PlainEncoding.decode(from: &huge, count: Int.max / 4, appendingTo: &out) }
        var bools = ByteReader([0xFF])
        var flags: [Bool] = []
        #expect(throws: ColumnarError.self) { try PlainEncoding.decodeBooleans(from: &bools, count: 9, appendingTo: &flags) }

        var writer = ByteWriter()
        PlainEncoding.encode(ByteArrayColumn(strings: ["abc", "", "日本語"]), into: &writer)
        for cut in 0..<writer.bytes.count {
            var reader = ByteReader(Array(writer.bytes[0..<cut]))
            var column = ByteArrayColumn()
            #expect(throws: ColumnarError.self) { try PlainEncoding.decodeByteArrays(from: &reader, count: 3, appendingTo: &column) }
            #expect(column.count == 0)
        }
        // A length field far larger than the data, and a count far larger than the data.
        var lying = ByteReader([0xFF, 0xFF, 0xFF, 0x7F, 1, 2])
        var column = ByteArrayColumn()
        #expect(throws: ColumnarError.self) { try PlainEncoding.decodeByteArrays(from: &lying, count: 1, appendingTo: &column) }
        var many = ByteReader([0, 0, 0, 0])
        #expect(throws: ColumnarError.self) {
            try PlainEncoding.decodeByteArrays(from: &many, count: 1 << 40, appendingTo: &column)
        }
        #expect(column.count == 0)
    }
}
