/// Reads Thrift compact-protocol values from a bounds-checked ``ByteReader``.
///
/// Built for hostile input: every length and element count is checked against the bytes that
/// remain before anything is allocated, negative lengths are rejected, and structs and containers
/// may nest at most ``maxDepth`` levels. Errors carry a context path naming the struct and field
/// being read (`"FileMetaData.row_groups[2] (id 4)", "RowGroup.num_rows (id 3)"`).
package struct CompactReader: Sendable {
    /// The underlying cursor; its position is just past the last value read.
    package var reader: ByteReader
    /// The deepest nesting of structs and containers accepted.
    package let maxDepth: Int

    /// One entry per struct being read: its name and the id of its previous field.
    private var frames: [(name: StaticString, lastFieldId: Int16)] = []
    /// Current nesting of structs and containers.
    private var depth = 0

    /// A reader starting at `reader`'s position.
    package init(_ reader: ByteReader, maxDepth: Int = 64) {
        self.reader = reader
        self.maxDepth = maxDepth
    }

    /// A reader over all of `bytes`.
    package init(_ bytes: [UInt8], maxDepth: Int = 64) {
        self.init(ByteReader(bytes), maxDepth: maxDepth)
    }

    // MARK: - Structs

    /// Reads one struct named `name` (for error messages), calling `body` for each field until the
    /// stop field. `body` must consume the field's value, typically with a typed `read…(field, name)`
    /// call or `skip(_:)` for fields it does not know.
    package mutating func readStruct(
        _ name: StaticString,
        _ body: (inout CompactReader, FieldHeader) throws -> Void
    ) throws {
        try enter()
        frames.append((name, 0))
        defer {
            frames.removeLast()
            depth -= 1
        }
        while true {
            let header: FieldHeader?
            do {
                header = try readFieldHeader()
            } catch let error as ColumnarError {
                throw error.within("\(name) field header")
            }
            guard let field = header else { return }
            try body(&self, field)
        }
    }

    /// Reads the next field header of the current struct, or `nil` at its stop field.
    package mutating func readFieldHeader() throws -> FieldHeader? {
        let start = reader.position
        let byte = try reader.readUInt8()
        if byte == 0 { return nil }
        guard let type = ThriftType(fieldCode: byte & 0x0F) else {
            throw ColumnarError.corrupt(
                "invalid field type code \(byte & 0x0F) in field header 0x\(hex(byte)) at offset \(start)")
        }
        let last = frames.last?.lastFieldId ?? 0
        let delta = Int16(byte >> 4)
        let id: Int16
        if delta != 0 {
            let (sum, overflow) = last.addingReportingOverflow(delta)
            if overflow { throw ColumnarError.corrupt("field id \(last) + \(delta) overflows i16 at offset \(start)") }
            id = sum
        } else {
            id = try readI16()
        }
        if !frames.isEmpty { frames[frames.count - 1].lastFieldId = id }
        return FieldHeader(id: id, type: type, boolValue: type == .bool && byte & 0x0F == 1)
    }

    // MARK: - Raw values

    /// Reads a boolean container element (one byte, 1 = true).
    package mutating func readBool() throws -> Bool {
        let byte = try reader.readUInt8()
        switch byte {
        case 0, 2: return false
        case 1: return true
        default: throw ColumnarError.corrupt("invalid bool byte \(byte) at offset \(reader.position - 1)")
        }
    }

    package mutating func readI8() throws -> Int8 {
        Int8(bitPattern: try reader.readUInt8())
    }

    package mutating func readI16() throws -> Int16 {
        let value = try reader.readZigZag()
        guard let narrow = Int16(exactly: value) else {
            throw ColumnarError.corrupt("i16 value \(value) out of range at offset \(reader.position)")
        }
        return narrow
    }

    package mutating func readI32() throws -> Int32 {
        let value = try reader.readZigZag()
        guard let narrow = Int32(exactly: value) else {
            throw ColumnarError.corrupt("i32 value \(value) out of range at offset \(reader.position)")
        }
        return narrow
    }

    package mutating func readI64() throws -> Int64 {
        try reader.readZigZag()
    }

    package mutating func readDouble() throws -> Double {
        Double(bitPattern: try reader.readLittleEndian(UInt64.self))
    }

    /// Reads a length-prefixed byte string; the length must fit in the remaining bytes.
    package mutating func readBinary() throws -> [UInt8] {
        try reader.readBytes(try readLength("binary length"))
    }

    /// Reads a binary value as UTF-8 (invalid sequences become U+FFFD).
    package mutating func readString() throws -> String {
        let range = try reader.take(try readLength("string length"))
        return String(decoding: reader.bytes[range], as: UTF8.self)
    }

    /// Reads a 16-byte UUID.
    package mutating func readUUID() throws -> [UInt8] {
        try reader.readBytes(16)
    }

    /// Reads a list or set header; the count is checked against the remaining bytes.
    package mutating func readListHeader() throws -> (elementType: ThriftType, count: Int) {
        let start = reader.position
        let byte = try reader.readUInt8()
        guard let type = ThriftType(elementCode: byte & 0x0F) else {
            throw ColumnarError.corrupt("invalid list element type code \(byte & 0x0F) at offset \(start)")
        }
        let count = byte >> 4 == 0x0F ? try readSize("list size") : Int(byte >> 4)
        try checkCount(count, of: type.minimumElementSize, "list of \(count) \(type) elements", at: start)
        return (type, count)
    }

    /// Reads a map header; the count is checked against the remaining bytes.
    package mutating func readMapHeader() throws -> (keyType: ThriftType, valueType: ThriftType, count: Int) {
        let start = reader.position
        let count = try readSize("map size")
        if count == 0 { return (.bool, .bool, 0) }
        let byte = try reader.readUInt8()
        guard let key = ThriftType(elementCode: byte >> 4), let value = ThriftType(elementCode: byte & 0x0F) else {
            throw ColumnarError.corrupt(
                "invalid map key/value type byte 0x\(hex(byte)) at offset \(reader.position - 1)")
        }
        try checkCount(count, of: key.minimumElementSize + value.minimumElementSize,
                       "map of \(count) entries", at: start)
        return (key, value, count)
    }

    // MARK: - Skipping

    /// Skips the value of `field` (a field this reader does not know).
    package mutating func skip(_ field: FieldHeader) throws {
        if field.type == .bool { return }  // the value lives in the header
        let label = "\(frames.last?.name.description ?? "struct") unknown field (id \(field.id), \(field.type))"
        do {
            try skip(field.type)
        } catch let error as ColumnarError {
            throw error.within(label)
        }
    }

    /// Skips one value of `type` as it appears inside a container (booleans take one byte).
    package mutating func skip(_ type: ThriftType) throws {
        switch type {
        case .bool, .i8: _ = try reader.readUInt8()
        case .i16, .i32, .i64: _ = try reader.readVarint()
        case .double: _ = try reader.take(8, "double")
        case .uuid: _ = try reader.take(16, "uuid")
        case .binary:
            _ = try reader.take(try readLength("binary length"))
        case .structure:
            try readStruct("struct") { r, field in try r.skip(field) }
        case .list, .set:
            try enter()
            defer { depth -= 1 }
            let (elementType, count) = try readListHeader()
            for _ in 0..<count { try skip(elementType) }
        case .map:
            try enter()
            defer { depth -= 1 }
            let (keyType, valueType, count) = try readMapHeader()
            for _ in 0..<count {
                try skip(keyType)
                try skip(valueType)
            }
        }
    }

    // MARK: - Helpers

    /// Reads a non-negative i32 size written as a plain varint.
    private mutating func readSize(_ what: String) throws -> Int {
        let start = reader.position
        let raw = try reader.readVarint()
        guard raw <= UInt64(UInt32.max) else {
            throw ColumnarError.corrupt("\(what) \(raw) does not fit in 32 bits at offset \(start)")
        }
        let value = Int32(bitPattern: UInt32(raw))
        guard value >= 0 else {
            throw ColumnarError.corrupt("\(what) \(value) is negative at offset \(start)")
        }
        return Int(value)
    }

    /// Reads a byte length and checks that that many bytes remain.
    private mutating func readLength(_ what: String) throws -> Int {
        let count = try readSize(what)
        guard count <= reader.remaining else {
            throw ColumnarError.corrupt(
                "\(what) \(count) exceeds the \(reader.remaining) bytes remaining at offset \(reader.position)")
        }
        return count
    }

    private func checkCount(
        _ count: Int, of elementSize: Int, _ what: @autoclosure () -> String, at offset: Int
    ) throws {
        let (needed, overflow) = count.multipliedReportingOverflow(by: elementSize)
        guard !overflow, needed <= reader.remaining else {
            throw ColumnarError.corrupt(
                "\(what()) at offset \(offset) needs at least \(count) × \(elementSize) bytes but only \(reader.remaining) remain")
        }
    }

    /// Enters one level of nesting, refusing to go deeper than ``maxDepth``.
    private mutating func enter() throws {
        guard depth < maxDepth else {
            throw ColumnarError.corrupt(
                "structs and containers nest deeper than \(maxDepth) levels at offset \(reader.position)")
        }
        depth += 1
    }

    /// The context label for `name` of the struct being read: `"RowGroup.num_rows (id 3)"`.
    func label(_ name: StaticString, _ field: FieldHeader, index: Int? = nil) -> String {
        let owner = frames.last?.name.description ?? "struct"
        let suffix = index.map { "[\($0)]" } ?? ""
        return "\(owner).\(name)\(suffix) (id \(field.id))"
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
}
