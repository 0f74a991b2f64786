import Columnar
import Testing

/// SplitMix64: a tiny seeded generator so encoding tests are reproducible.
struct EncodingSplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Value counts every round-trip test covers.
let encodingCounts = [0, 1, 7, 8, 9, 127, 128, 129, 1000, 10_000]

/// Values below `1 << bitWidth`, mixing long runs with random stretches.
func rleTestValues(count: Int, bitWidth: Int, seed: UInt64) -> [UInt32] {
    var rng = EncodingSplitMix64(seed: seed)
    let mask = bitWidth == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bitWidth)) - 1
    var values: [UInt32] = []
    values.reserveCapacity(count)
    while values.count < count {
        let run = Int(rng.next() % 40) + 1
        let value = UInt32(rng.next() & mask)
        if rng.next() % 3 == 0 {
            values.append(contentsOf: repeatElement(value, count: min(run, count - values.count)))
        } else {
            for _ in 0..<min(run, count - values.count) { values.append(UInt32(rng.next() & mask)) }
        }
    }
    return values
}

func rleEncode(_ values: [UInt32], bitWidth: Int) -> [UInt8] {
    var writer = ByteWriter()
    values.withUnsafeBufferPointer { RLEHybrid.encode($0, bitWidth: bitWidth, into: &writer) }
    return writer.bytes
}

func rleDecode(_ reader: inout ByteReader, bitWidth: Int, count: Int) throws -> [UInt32] {
    var out = [UInt32](repeating: 0xDEAD, count: count)
    try out.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        try RLEHybrid.decode(from: &reader, bitWidth: bitWidth, count: count, into: base)
    }
    return out
}

func rleDecode(_ bytes: [UInt8], bitWidth: Int, count: Int) throws -> [UInt32] {
    var reader = ByteReader(bytes)
    return try rleDecode(&reader, bitWidth: bitWidth, count: count)
}

@Suite("RLE/bit-packed hybrid")
struct EncodingRLEHybridTests {
    @Test("Encodings.md bit-packing example: 0...7 at width 3")
    func specBitPackingExample() throws {
        let values: [UInt32] = [0, 1, 2, 3, 4, 5, 6, 7]
        let bytes = rleEncode(values, bitWidth: 3)
        #expect(bytes == [0x03, 0b1000_1000, 0b1100_0110, 0b1111_1010])
        #expect(try rleDecode(bytes, bitWidth: 3, count: 8) == values)
    }

    @Test("RLE run then padded bit-packed run, bytes by hand")
    func handComputedMixedRuns() throws {
        let values: [UInt32] = Array(repeating: 1, count: 8) + [2, 3]
        let bytes = rleEncode(values, bitWidth: 2)
        // RLE header 8 << 1 = 0x10, value 0x01; bit-packed header 1 << 1 | 1, then 2 | 3 << 2, zero padding.
        #expect(bytes == [0x10, 0x01, 0x03, 0x0E, 0x00])
        #expect(try rleDecode(bytes, bitWidth: 2, count: 10) == values)
    }

    @Test("Long RLE run: 300 × 0x1234 at width 13")
    func longRun() throws {
        let values = [UInt32](repeating: 0x1234, count: 300)
        let bytes = rleEncode(values, bitWidth: 13)
        #expect(bytes == [0xD8, 0x04, 0x34, 0x12])  // varint(600), value in 2 bytes
        #expect(try rleDecode(bytes, bitWidth: 13, count: 300) == values)
    }

    @Test("Round trip", arguments: 0...32)
    func roundTrip(bitWidth: Int) throws {
        for count in encodingCounts {
            let values = rleTestValues(count: count, bitWidth: bitWidth, seed: UInt64(bitWidth * 1000 + count))
            let bytes = rleEncode(values, bitWidth: bitWidth)
            var reader = ByteReader(bytes)
            #expect(try rleDecode(&reader, bitWidth: bitWidth, count: count) == values, "width \(bitWidth) count \(count)")
            #expect(reader.isAtEnd)
        }
    }

    @Test("Pure random bit-packed data at every width", arguments: 0...32)
    func randomBitPacked(bitWidth: Int) throws {
        var rng = EncodingSplitMix64(seed: UInt64(bitWidth))
        let mask = bitWidth == 32 ? UInt64(UInt32.max) : (UInt64(1) << UInt64(bitWidth)) - 1
        let values = (0..<1003).map { _ in UInt32(rng.next() & mask) }
        #expect(try rleDecode(rleEncode(values, bitWidth: bitWidth), bitWidth: bitWidth, count: 1003) == values)
    }

    @Test("Decoding fewer values than encoded, and from a sub-range of a larger buffer")
    func subRanges() throws {
        let values = rleTestValues(count: 1000, bitWidth: 9, seed: 7)
        let encoded = rleEncode(values, bitWidth: 9)
        let buffer = [UInt8](repeating: 0xFF, count: 13) + encoded + [UInt8](repeating: 0xEE, count: 5)
        var reader = ByteReader(buffer, range: 13..<(13 + encoded.count))
        #expect(try rleDecode(&reader, bitWidth: 9, count: 1000) == values)
        #expect(reader.position == 13 + encoded.count)
        for prefix in [1, 8, 9, 500] {
            #expect(try rleDecode(encoded, bitWidth: 9, count: prefix) == Array(values[0..<prefix]))
        }
    }

    @Test("Consecutive runs stop exactly after the runs consumed")
    func readerPosition() throws {
        let a: [UInt32] = Array(repeating: 3, count: 20) + [1, 2, 3, 0, 1, 2, 3, 0]
        let b: [UInt32] = [5, 6, 7]
        let bytes = rleEncode(a, bitWidth: 3) + rleEncode(b, bitWidth: 3)
        var reader = ByteReader(bytes)
        #expect(try rleDecode(&reader, bitWidth: 3, count: a.count) == a)
        #expect(try rleDecode(&reader, bitWidth: 3, count: b.count) == b)
        #expect(reader.isAtEnd)
    }

    @Test("bitWidth(for:)")
    func bitWidthForMax() {
        #expect(RLEHybrid.bitWidth(for: 0) == 0)
        #expect(RLEHybrid.bitWidth(for: 1) == 1)
        #expect(RLEHybrid.bitWidth(for: 7) == 3)
        #expect(RLEHybrid.bitWidth(for: 8) == 4)
        #expect(RLEHybrid.bitWidth(for: UInt32.max) == 32)
    }

    @Test("Every truncation of a valid encoding throws", arguments: [0, 1, 5, 17, 32])
    func truncations(bitWidth: Int) throws {
        let values = rleTestValues(count: 96, bitWidth: bitWidth, seed: 3)
        let bytes = rleEncode(values, bitWidth: bitWidth)
        // Full groups only: every byte is needed.
        let mask = bitWidth == 32 ? UInt32.max : (UInt32(1) << UInt32(bitWidth)) - 1
        let aligned = rleEncode((0..<96).map { UInt32($0 * 7919) & mask }, bitWidth: bitWidth)
        for cut in 0..<aligned.count {
            #expect(throws: ColumnarError.self) { try rleDecode(Array(aligned[0..<cut]), bitWidth: bitWidth, count: 96) }
        }
        // A trimmed zero padding of the final bit-packed run is tolerated (as other readers do);
        // any cut into needed bytes throws.
        var tolerated = 0
        for cut in 0..<bytes.count {
            if let decoded = try? rleDecode(Array(bytes[0..<cut]), bitWidth: bitWidth, count: 96) {
                #expect(decoded == values)
                tolerated += 1
            }
        }
        #expect(tolerated <= max(0, bitWidth - 1))
    }

    @Test("Hostile input is rejected")
    func hostile() throws {
        for width in [-1, 33, 64, 1000] {
            #expect(throws: ColumnarError.self) { try rleDecode([0x02, 0x01], bitWidth: width, count: 1) }
        }
        // Count larger than the data.
        #expect(throws: ColumnarError.self) { try rleDecode(rleEncode([1, 2, 3], bitWidth: 2), bitWidth: 2, count: 100) }
        // A repeated value too wide for the bit width.
        #expect(throws: ColumnarError.self) { try rleDecode([0x10, 0x09], bitWidth: 3, count: 8) }
        // A run length past 2^31 - 1 and an overlong varint.
        #expect(throws: ColumnarError.self) {
            try rleDecode([0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x01], bitWidth: 1, count: 8)
        }
        #expect(throws: ColumnarError.self) { try rleDecode([UInt8](repeating: 0xFF, count: 12), bitWidth: 1, count: 8) }
        // A bit-packed run announcing huge groups with no data behind it.
        #expect(throws: ColumnarError.self) { try rleDecode([0xFF, 0xFF, 0x03], bitWidth: 20, count: 1000) }
    }
}
