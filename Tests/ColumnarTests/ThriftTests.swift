import Columnar
import Testing

/// Encodes one struct with `body` and returns its bytes.
private func encodeStruct(_ body: (inout CompactWriter) -> Void) -> [UInt8] {
    var writer = CompactWriter()
    writer.writeStruct(body)
    return writer.bytes
}

/// Reads every field header of one struct, skipping the values.
private func fieldHeaders(_ bytes: [UInt8]) throws -> [FieldHeader] {
    var reader = CompactReader(bytes)
    var headers: [FieldHeader] = []
    try reader.readStruct("Test") { r, field in
        headers.append(field)
        try r.skip(field)
    }
    return headers
}


@Suite struct ThriftTests {
    @Test(arguments: [
        Int64.min, Int64.min + 1, -1 << 35, Int64(Int32.min) - 1, Int64(Int32.min), -65, -64, -1, 0, 1, 63, 64,
        Int64(Int32.max), Int64(Int32.max) + 1, 1 << 35, Int64.max - 1, Int64.max,
    ])
    func i64ZigZagVarintsRoundTrip(value: Int64) throws {
        var writer = CompactWriter()
        writer.writeI64(value)
        #expect(writer.bytes.count <= 10)
        var reader = CompactReader(writer.bytes)
        #expect(try reader.readI64() == value)
        #expect(reader.reader.isAtEnd)
    }

    @Test(arguments: [Int32.min, -1, 0, 1, Int32.max])
    func i32AndI16ValuesRoundTrip(value: Int32) throws {
        var writer = CompactWriter()
        writer.writeI32(value)
        writer.writeI16(Int16(truncatingIfNeeded: value))
        writer.writeI8(Int8(truncatingIfNeeded: value))
        var reader = CompactReader(writer.bytes)
        #expect(try reader.readI32() == value)
        #expect(try reader.readI16() == Int16(truncatingIfNeeded: value))
        #expect(try reader.readI8() == Int8(truncatingIfNeeded: value))
    }

    @Test func zigZagEncodingMatchesTheSpec() {
        var writer = CompactWriter()
        for v: Int64 in [0, -1, 1, -2, 2] { writer.writeI64(v) }
        writer.writeI64(Int64.min)
        #expect(writer.bytes == [0, 1, 2, 3, 4] + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    @Test func i32ReadOfAnOutOfRangeVarintThrows() {
        var writer = CompactWriter()
        writer.writeI64(Int64(Int32.max) + 1)
        var reader = CompactReader(writer.bytes)
        let error = columnarError { _ = try reader.readI32() }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("2147483648") == true)
    }

    @Test func fieldIdsUseDeltaFormUpTo15AndLongFormOtherwise() throws {
        let bytes = encodeStruct { w in
            w.write(1, i32: 7)     // delta 1
            w.write(16, i32: 7)    // delta 15: short form
            w.write(32, i32: 7)    // delta 16: long form
            w.write(5, i32: 7)     // backwards: long form
            w.write(300, i32: 7)   // big jump: long form
        }
        #expect(bytes == [0x15, 14, 0xF5, 14, 0x05, 64, 14, 0x05, 10, 14, 0x05, 0xD8, 0x04, 14, 0])
        #expect(try fieldHeaders(bytes).map(\.id) == [1, 16, 32, 5, 300])
    }

    @Test func boolFieldsLiveInTheFieldHeader() throws {
        let bytes = encodeStruct { w in
            w.write(1, bool: true)
            w.write(2, bool: false)
            w.write(40, bool: true)
        }
        #expect(bytes == [0x11, 0x12, 0x01, 80, 0])
        let headers = try fieldHeaders(bytes)
        #expect(headers.map(\.type) == [.bool, .bool, .bool])
        #expect(headers.map(\.boolValue) == [true, false, true])
    }

    @Test func doublesBinariesAndStringsRoundTrip() throws {
        var writer = CompactWriter()
        writer.writeDouble(-1.5e300)
        writer.writeBinary([0, 255, 7])
        writer.writeString("héllo")
        writer.writeBinary([])
        var reader = CompactReader(writer.bytes)
        #expect(try reader.readDouble() == -1.5e300)
        #expect(try reader.readBinary() == [0, 255, 7])
        #expect(try reader.readString() == "héllo")
        #expect(try reader.readBinary() == [])
        #expect(reader.reader.isAtEnd)
    }

    @Test(arguments: [0, 1, 14, 15, 16, 300])
    func listsUseShortFormBelow15Elements(count: Int) throws {
        let values = (0..<count).map { Int64($0) * -3 }
        let bytes = encodeStruct { w in w.write(1, i64s: values) }
        #expect(bytes[1] == (count < 15 ? UInt8(count) << 4 | 6 : 0xF6))
        var reader = CompactReader(bytes)
        var decoded: [Int64] = []
        try reader.readStruct("Test") { r, field in decoded = try r.readI64List(field, "values") }
        #expect(decoded == values)
    }

    @Test func mapsAndSetsRoundTripThroughSkip() throws {
        var writer = CompactWriter()
        writer.writeMapHeader(key: .binary, value: .i32, count: 2)
        writer.writeString("a")
        writer.writeI32(1)
        writer.writeString("b")
        writer.writeI32(2)
        writer.writeMapHeader(key: .i8, value: .i8, count: 0)
        #expect(writer.bytes.last == 0)
        var reader = CompactReader(writer.bytes)
        let header = try reader.readMapHeader()
        #expect(header.count == 2 && header.keyType == .binary && header.valueType == .i32)
        for _ in 0..<2 {
            try reader.skip(ThriftType.binary)
            try reader.skip(ThriftType.i32)
        }
        #expect(try reader.readMapHeader().count == 0)
        #expect(reader.reader.isAtEnd)
    }

    /// Writes one unknown field of `type` (id 99) between the two fields of a KeyValue.
    private static func keyValueWithUnknownField(_ type: String) -> [UInt8] {
        encodeStruct { w in
            w.write(1, string: "k")
            switch type {
            case "true": w.write(99, bool: true)
            case "false": w.write(99, bool: false)
            case "i8": w.write(99, i8: -5)
            case "i16": w.write(99, i16: -300)
            case "i32": w.write(99, i32: 1 << 30)
            case "i64": w.write(99, i64: .min)
            case "double": w.write(99, double: 3.25)
            case "binary": w.write(99, binary: [1, 2, 3])
            case "uuid":
                w.writeFieldHeader(99, .uuid)
                w.writer.append(contentsOf: [UInt8](repeating: 0xAB, count: 16))
            case "list": w.write(99, strings: (0..<20).map(String.init))
            case "list<bool>": w.write(99, list: [true, false, true], of: .bool) { $0.writeBool($1) }
            case "set":
                w.writeFieldHeader(99, .set)
                w.writeListHeader(.double, count: 2)
                w.writeDouble(1)
                w.writeDouble(2)
            case "map":
                w.writeFieldHeader(99, .map)
                w.writeMapHeader(key: .binary, value: .structure, count: 1)
                w.writeString("x")
                w.writeStruct { $0.write(3, i64: 9) }
            case "empty map":
                w.writeFieldHeader(99, .map)
                w.writeMapHeader(key: .binary, value: .structure, count: 0)
            case "struct":
                w.writeFieldHeader(99, .structure)
                w.writeStruct { inner in
                    inner.write(1, bool: true)
                    inner.write(2, struct: KeyValue(key: "nested"))
                    inner.write(3, i32s: [1, 2, 3])
                }
            default: Issue.record("unknown case \(type)")
            }
            w.write(2, string: "v")
        }
    }

    @Test(arguments: [
        "true", "false", "i8", "i16", "i32", "i64", "double", "binary", "uuid", "list", "list<bool>", "set", "map",
        "empty map", "struct",
    ])
    func unknownFieldsOfEveryTypeAreSkipped(type: String) throws {
        var reader = CompactReader(Self.keyValueWithUnknownField(type))
        let decoded = try KeyValue.read(from: &reader)
        #expect(decoded == KeyValue(key: "k", value: "v"))
        #expect(reader.reader.isAtEnd)
    }

    @Test func listCountLargerThanTheRemainingBytesThrows() {
        // list<i32> announcing 1,000,000 elements followed by two bytes.
        var reader = CompactReader([0xF5, 0xC0, 0x84, 0x3D, 1, 2])
        let error = columnarError { _ = try reader.readListHeader() }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("1000000") == true)
    }

    @Test func mapCountLargerThanTheRemainingBytesThrows() {
        var reader = CompactReader([0xC0, 0x84, 0x3D, 0x88, 1, 2])
        #expect(columnarError { _ = try reader.readMapHeader() }?.code == .corrupt)
    }

    @Test func hugeAndNegativeBinaryLengthsThrow() {
        var huge = CompactReader([0xFF, 0xFF, 0xFF, 0xFF, 0x07, 1, 2, 3])
        let error = columnarError { _ = try huge.readBinary() }
        #expect(error?.message.contains("2147483647") == true)

        var negative = CompactReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3])  // i32 -1 as a varint
        let negativeError = columnarError { _ = try negative.readBinary() }
        #expect(negativeError?.message.contains("-1 is negative") == true)

        var tooWide = CompactReader([0x80, 0x80, 0x80, 0x80, 0x80, 0x01])  // 2^35
        #expect(columnarError { _ = try tooWide.readString() }?.code == .corrupt)
    }

    @Test(arguments: [(UInt8(0x1C), "struct"), (0x19, "list"), (0x1B, "map")])
    func nestingBeyondTheDepthLimitThrows(opener: UInt8, kind: String) {
        // A struct whose field 1 opens `kind` 10,000 times over; each list/map holds one more.
        var bytes: [UInt8] = []
        for _ in 0..<10_000 {
            switch kind {
            case "struct": bytes.append(0x1C)       // field 1: struct
            case "list": bytes.append(0x19)         // list with one list element
            default: bytes += [0x01, 0xBB]          // map of one binary → map entry
            }
        }
        bytes = [opener] + bytes + [UInt8](repeating: 0, count: 10_000)
        var reader = CompactReader(bytes)
        let error = columnarError { try reader.skip(ThriftType.structure) }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("deeper than 64") == true)
    }

    @Test func nestingWithinTheDepthLimitIsAccepted() throws {
        // 60 nested structs, each as field 1 of its parent.
        let bytes = [UInt8](repeating: 0x1C, count: 60) + [UInt8](repeating: 0, count: 61)
        var reader = CompactReader(bytes)
        try reader.skip(ThriftType.structure)
        #expect(reader.reader.isAtEnd)
    }

    @Test func wrongWireTypeNamesTheStructAndField() {
        let bytes = encodeStruct { w in
            w.write(1, string: "key")
            w.write(2, i32: 5)  // KeyValue.value is a string
        }
        var reader = CompactReader(bytes)
        let error = columnarError { _ = try KeyValue.read(from: &reader) }
        #expect(error?.message == "KeyValue.value (id 2) has wire type i32 but binary was expected")
    }

    @Test func truncationInsideAFieldNamesTheStructAndField() {
        var bytes = encodeStruct { w in w.write(1, string: "a long key") }
        bytes.removeLast(4)
        var reader = CompactReader(bytes)
        let error = columnarError { _ = try KeyValue.read(from: &reader) }
        #expect(error?.context == ["KeyValue.key (id 1)"])
    }

    @Test func truncationBetweenFieldsNamesTheStruct() {
        var bytes = encodeStruct { w in w.write(1, string: "key") }
        bytes.removeLast()  // the stop field
        var reader = CompactReader(bytes)
        let error = columnarError { _ = try KeyValue.read(from: &reader) }
        #expect(error?.code == .truncated)
        #expect(error?.context == ["KeyValue field header"])
    }

    @Test func invalidFieldTypeCodesThrow() {
        for code: UInt8 in [0x10, 0x1E, 0x1F] {
            var reader = CompactReader([code, 0, 0])
            #expect(columnarError { try reader.skip(ThriftType.structure) }?.code == .corrupt)
        }
    }

    @Test func fieldIdOverflowThrows() {
        // Long-form id 32767, then a delta of 1.
        var reader = CompactReader([0x05, 0xFE, 0xFF, 0x03, 0, 0x15, 0, 0])
        #expect(columnarError { try reader.skip(ThriftType.structure) }?.code == .corrupt)
    }

    @Test func randomBytesNeverCrashTheSkipper() {
        var rng = SplitMix64(seed: 0x5EED)
        for _ in 0..<5_000 {
            let count = Int(rng.next() % 64)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            var reader = CompactReader(bytes)
            _ = try? reader.skip(ThriftType.structure)
            #expect(reader.reader.position <= bytes.count)
        }
    }
}

