import Columnar
import Testing

func deltaBytes(_ values: [Int64]) -> [UInt8] {
    var writer = ByteWriter()
    values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &writer) }
    return writer.bytes
}

func deltaBytes(_ values: [Int32]) -> [UInt8] {
    var writer = ByteWriter()
    values.withUnsafeBufferPointer { DeltaBinaryPacked.encode($0, into: &writer) }
    return writer.bytes
}

func deltaDecode64(_ bytes: [UInt8], count: Int?) throws -> [Int64] {
    var reader = ByteReader(bytes)
    var out: [Int64] = []
    try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &out)
    return out
}

/// Values with a given magnitude of deltas (bits), so miniblock widths vary from 0 to 64.
func deltaTestValues(count: Int, bits: Int, seed: UInt64) -> [Int64] {
    var rng = EncodingSplitMix64(seed: seed)
    var value = Int64(bitPattern: rng.next())
    var values: [Int64] = []
    for _ in 0..<count {
        values.append(value)
        let step = bits == 64 ? rng.next() : rng.next() & ((UInt64(1) << UInt64(bits)) - 1)
        value &+= Int64(bitPattern: step)
    }
    return values
}

@Suite("DELTA_BINARY_PACKED and delta byte arrays")
struct EncodingDeltaTests {
    @Test("Encodings.md example 1 at block size 128: 1, 2, 3, 4, 5")
    func specExample1() throws {
        let bytes = deltaBytes([Int64(1), 2, 3, 4, 5])
        // header 128 (varint 80 01), 4 miniblocks, 5 values, first 1 (zigzag 2); block: min delta 1 (zigzag 2), widths 0.
        #expect(bytes == [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0])
        #expect(try deltaDecode64(bytes, count: 5) == [1, 2, 3, 4, 5])
    }

    @Test("Encodings.md example 2 at block size 128: 7, 5, 3, 1, 2, 3, 4, 5")
    func specExample2() throws {
        let bytes = deltaBytes([Int32(7), 5, 3, 1, 2, 3, 4, 5])
        // min delta -2 (zigzag 3), first miniblock width 2: relative deltas 0,0,0,3 | 3,3,3,0(pad) ...
        let expected: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0, 0, 0, 0xC0, 0x3F, 0, 0, 0, 0, 0, 0]
        #expect(bytes == expected)
        var reader = ByteReader(bytes)
        var out: [Int32] = []
        try DeltaBinaryPacked.decode(from: &reader, count: 8, appendingTo: &out)
        #expect(out == [7, 5, 3, 1, 2, 3, 4, 5])
    }

    @Test("INT64 round trips across delta widths", arguments: [0, 1, 3, 8, 17, 31, 32, 33, 47, 63, 64])
    func roundTrip64(bits: Int) throws {
        for count in encodingCounts {
            let values = deltaTestValues(count: count, bits: bits, seed: UInt64(bits * 31 + count))
            let bytes = deltaBytes(values)
            var reader = ByteReader([9, 9] + bytes + [7], range: 2..<(2 + bytes.count))
            var out: [Int64] = [123]
            try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &out)
            #expect(out == [123] + values, "bits \(bits) count \(count)")
            #expect(reader.position == 2 + bytes.count)
        }
    }

    @Test("INT32 round trips across delta widths (32-bit wrapping)", arguments: [0, 1, 5, 16, 31, 32])
    func roundTrip32(bits: Int) throws {
        for count in encodingCounts {
            let values = deltaTestValues(count: count, bits: bits, seed: UInt64(bits + count)).map { Int32(truncatingIfNeeded: $0) }
            let bytes = deltaBytes(values)
            var reader = ByteReader(bytes)
            var out: [Int32] = []
            try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &out)
            #expect(out == values)
            #expect(reader.isAtEnd)
            // Also decodable as INT64 then truncated, and never wider than 32 bits per miniblock.
            let wide = try deltaDecode64(bytes, count: nil)
            #expect(wide.map { Int32(truncatingIfNeeded: $0) } == values)
        }
    }

    @Test("Extreme values wrap")
    func extremes() throws {
        let longs: [Int64] = [.min, .max, .min, 0, -1, .max, .max, .min, 1, .min + 1]
        #expect(try deltaDecode64(deltaBytes(longs), count: longs.count) == longs)
        let ints: [Int32] = [.min, .max, .min, 0, -1, .max, .max, .min, 1, .min + 1]
        var reader = ByteReader(deltaBytes(ints))
        var out: [Int32] = []
        try DeltaBinaryPacked.decode(from: &reader, count: ints.count, appendingTo: &out)
        #expect(out == ints)
        #expect(try deltaDecode64(deltaBytes([Int64]()), count: 0) == [])
    }

    @Test("Two sequences back to back: the reader stops after the first's last miniblock")
    func concatenated() throws {
        for (a, b) in [(1, 5), (0, 3), (129, 2), (160, 200), (33, 1), (1000, 10_000)] {
            let first = deltaTestValues(count: a, bits: 13, seed: 1)
            let second = deltaTestValues(count: b, bits: 40, seed: 2)
            var reader = ByteReader(deltaBytes(first) + deltaBytes(second))
            var out: [Int64] = []
            try DeltaBinaryPacked.decode(from: &reader, count: a, appendingTo: &out)
            #expect(out == first)
            try DeltaBinaryPacked.decode(from: &reader, count: nil, appendingTo: &out)
            #expect(out == first + second)
            #expect(reader.isAtEnd)
        }
    }

    @Test("Every truncation throws, output untouched")
    func truncations() throws {
        let bytes = deltaBytes(deltaTestValues(count: 300, bits: 20, seed: 5))
        for cut in 0..<bytes.count {
            var reader = ByteReader(Array(bytes[0..<cut]))
            var out: [Int64] = [1, 2]
            #expect(throws: ColumnarError.self) { try DeltaBinaryPacked.decode(from: &reader, count: 300, appendingTo: &out) }
            #expect(out == [1, 2])
        }
    }

    @Test("Hostile headers are rejected before allocating")
    func hostileHeaders() throws {
        let cases: [[UInt8]] = [
            [0x00, 0x04, 0x05, 0x02],  // block size 0
            [0x64, 0x04, 0x05, 0x02],  // block size 100
            [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x04, 0x05, 0x02],  // block size 2^49
            [0x80, 0x01, 0x00, 0x05, 0x02],  // 0 miniblocks
            [0x80, 0x01, 0x03, 0x05, 0x02],  // 128 / 3
            [0x80, 0x01, 0x08, 0x05, 0x02],  // 16-value miniblocks
            [0x80, 0x01, 0x80, 0x01, 0x05, 0x02],  // 128 miniblocks of 1
            [0x80, 0x01, 0x04, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x02],  // 2^42 values
            [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 65, 0, 0, 0],  // miniblock width 65
            [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 64, 0, 0, 0, 1, 2, 3],  // width 64 but 3 bytes of data
            [0x80, 0x01, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x02, 0x02, 0, 0, 0, 0],  // 2^31-1 values, 1 block
        ]
        for bytes in cases {
            #expect(throws: ColumnarError.self, "\(bytes)") { try deltaDecode64(bytes, count: nil) }
        }
        // A value count different from the caller's.
        #expect(throws: ColumnarError.self) { try deltaDecode64(deltaBytes([Int64(1), 2, 3]), count: 4) }
        // Unneeded miniblocks' widths are ignored even when absurd.
        #expect(try deltaDecode64([0x80, 0x01, 0x04, 0x02, 0x02, 0x02, 0, 200, 200, 200, 0, 0, 0, 0], count: 2) == [1, 2])
    }

    @Test("DELTA_LENGTH_BYTE_ARRAY: Encodings.md example")
    func deltaLengthExample() throws {
        let column = ByteArrayColumn(strings: ["Hello", "World", "Foobar", "ABCDEF"])
        var writer = ByteWriter()
        DeltaLengthByteArray.encode(column, into: &writer)
        #expect(writer.bytes == deltaBytes([Int32(5), 5, 6, 6]) + Array("HelloWorldFoobarABCDEF".utf8))
        var reader = ByteReader(writer.bytes)
        var out = ByteArrayColumn()
        try DeltaLengthByteArray.decode(from: &reader, count: 4, appendingTo: &out)
        #expect(out == column)
        #expect(reader.isAtEnd)
    }

    @Test("DELTA_BYTE_ARRAY: Encodings.md example")
    func deltaByteArrayExample() throws {
        let column = ByteArrayColumn(strings: ["axis", "axle", "babble", "babyhood"])
        var writer = ByteWriter()
        DeltaByteArray.encode(column, into: &writer)
        let expected = deltaBytes([Int32(0), 2, 0, 3]) + deltaBytes([Int32(4), 2, 6, 5]) + Array("axislebabbleyhood".utf8)
        #expect(writer.bytes == expected)
        var reader = ByteReader(writer.bytes)
        var out = ByteArrayColumn()
        try DeltaByteArray.decode(from: &reader, count: 4, appendingTo: &out)
        #expect(out == column)
        #expect(reader.isAtEnd)
    }

    @Test("Delta byte array round trips", arguments: encodingCounts)
    func byteArrayRoundTrips(count: Int) throws {
        var sorted = encodingSampleStrings(count: count, seed: UInt64(count))
        let strings = (0..<count).map { sorted.string(at: $0) }.sorted()
        sorted = ByteArrayColumn(strings: strings)
        for column in [encodingSampleStrings(count: count, seed: 3), sorted] {
            for lengthOnly in [true, false] {
                var writer = ByteWriter()
                if lengthOnly { DeltaLengthByteArray.encode(column, into: &writer) } else { DeltaByteArray.encode(column, into: &writer) }
                var reader = ByteReader([1] + writer.bytes, range: 1..<(1 + writer.bytes.count))
                var out = ByteArrayColumn(strings: ["keep"])
                if lengthOnly {
                    try DeltaLengthByteArray.decode(from: &reader, count: count, appendingTo: &out)
                } else {
                    try DeltaByteArray.decode(from: &reader, count: count, appendingTo: &out)
                }
                #expect(reader.isAtEnd)
                #expect(out.count == count + 1)
                #expect(out.string(at: 0) == "keep")
                for i in 0..<count { #expect(out[i + 1] == column[i]) }
                // Every truncation throws.
                if count == 9 {
                    for cut in 0..<writer.bytes.count {
                        var short = ByteReader(Array(writer.bytes[0..<cut]))
                        var sink = ByteArrayColumn()
                        #expect(throws: ColumnarError.self) {
                            if lengthOnly {
                                try DeltaLengthByteArray.decode(from: &short, count: count, appendingTo: &sink)
                            } else {
                                try DeltaByteArray.decode(from: &short, count: count, appendingTo: &sink)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test("Hostile delta byte arrays are rejected")
    func hostileByteArrays() throws {
        // A prefix longer than the previous value.
        let prefixTooLong = deltaBytes([Int32(0), 5]) + deltaBytes([Int32(1), 0]) + [0x61]
        var reader = ByteReader(prefixTooLong)
        var out = ByteArrayColumn()
        #expect(throws: ColumnarError.self) { try DeltaByteArray.decode(from: &reader, count: 2, appendingTo: &out) }
        // Negative lengths.
        let negative = deltaBytes([Int32(3), -1]) + [1, 2, 3]
        reader = ByteReader(negative)
        #expect(throws: ColumnarError.self) { try DeltaLengthByteArray.decode(from: &reader, count: 2, appendingTo: &out) }
        // Lengths summing past the data.
        let long = deltaBytes([Int32(1000), 1000]) + [1, 2, 3]
        reader = ByteReader(long)
        #expect(throws: ColumnarError.self) { try DeltaLengthByteArray.decode(from: &reader, count: 2, appendingTo: &out) }
        // Prefixes that would decode to more than 2 GiB.
        let bomb = deltaBytes([Int32(0)] + [Int32](repeating: 1 << 20, count: 4000))
            + deltaBytes([Int32(1 << 20)] + [Int32](repeating: 0, count: 4000))
        reader = ByteReader(bomb + [UInt8](repeating: 0, count: 1 << 20))
        #expect(throws: ColumnarError.self) { try DeltaByteArray.decode(from: &reader, count: 4001, appendingTo: &out) }
        #expect(out.count == 0)
    }
}
