/// Writes Thrift compact-protocol values into a ``ByteWriter``.
///
/// Field headers use the short (delta) form when the id grows by 1…15 since the previous field of
/// the same struct and the long form otherwise. The `write…(_ id:, …)` field methods skip `nil`.
package struct CompactWriter: Sendable {
    /// The output buffer.
    package var writer: ByteWriter

    private var lastFieldId: Int16 = 0
    private var savedFieldIds: [Int16] = []

    package init(_ writer: ByteWriter = ByteWriter()) {
        self.writer = writer
    }

    /// The bytes written so far.
    package var bytes: [UInt8] { writer.bytes }

    // MARK: - Structs

    /// Starts a struct: field ids restart from zero until the matching ``endStruct()``.
    package mutating func beginStruct() {
        savedFieldIds.append(lastFieldId)
        lastFieldId = 0
    }

    /// Writes the stop field and returns to the enclosing struct.
    package mutating func endStruct() {
        writer.append(0)
        lastFieldId = savedFieldIds.popLast() ?? 0
    }

    /// Writes a complete struct whose fields `body` writes.
    package mutating func writeStruct(_ body: (inout CompactWriter) -> Void) {
        beginStruct()
        body(&self)
        endStruct()
    }

    /// Writes a field header; for `bool` fields `boolValue` is the value itself.
    package mutating func writeFieldHeader(_ id: Int16, _ type: ThriftType, boolValue: Bool = false) {
        let code: UInt8 = type == .bool ? (boolValue ? 1 : 2) : type.rawValue
        let delta = Int(id) - Int(lastFieldId)
        if delta > 0 && delta <= 15 {
            writer.append(UInt8(delta) << 4 | code)
        } else {
            writer.append(code)
            writeI16(id)
        }
        lastFieldId = id
    }

    // MARK: - Raw values

    /// Writes a boolean container element (one byte).
    package mutating func writeBool(_ value: Bool) { writer.append(value ? 1 : 0) }
    package mutating func writeI8(_ value: Int8) { writer.append(UInt8(bitPattern: value)) }
    package mutating func writeI16(_ value: Int16) { writer.appendZigZag(Int64(value)) }
    package mutating func writeI32(_ value: Int32) { writer.appendZigZag(Int64(value)) }
    package mutating func writeI64(_ value: Int64) { writer.appendZigZag(value) }
    package mutating func writeDouble(_ value: Double) { writer.appendLittleEndian(value.bitPattern) }

    package mutating func writeBinary(_ value: [UInt8]) {
        writer.appendVarint(UInt64(value.count))
        writer.append(contentsOf: value)
    }

    package mutating func writeString(_ value: String) {
        let utf8 = value.utf8
        writer.appendVarint(UInt64(utf8.count))
        writer.append(contentsOf: utf8)
    }

    /// Writes a list or set header.
    package mutating func writeListHeader(_ elementType: ThriftType, count: Int) {
        if count < 15 {
            writer.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            writer.append(0xF0 | elementType.rawValue)
            writer.appendVarint(UInt64(count))
        }
    }

    /// Writes a map header (a single zero byte when empty).
    package mutating func writeMapHeader(key: ThriftType, value: ThriftType, count: Int) {
        writer.appendVarint(UInt64(count))
        if count > 0 { writer.append(key.rawValue << 4 | value.rawValue) }
    }

    // MARK: - Fields

    package mutating func write(_ id: Int16, bool value: Bool?) {
        guard let value else { return }
        writeFieldHeader(id, .bool, boolValue: value)
    }

    package mutating func write(_ id: Int16, i8 value: Int8?) {
        guard let value else { return }
        writeFieldHeader(id, .i8)
        writeI8(value)
    }

    package mutating func write(_ id: Int16, i16 value: Int16?) {
        guard let value else { return }
        writeFieldHeader(id, .i16)
        writeI16(value)
    }

    package mutating func write(_ id: Int16, i32 value: Int32?) {
        guard let value else { return }
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    package mutating func write(_ id: Int16, i64 value: Int64?) {
        guard let value else { return }
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    package mutating func write(_ id: Int16, double value: Double?) {
        guard let value else { return }
        writeFieldHeader(id, .double)
        writeDouble(value)
    }

    package mutating func write(_ id: Int16, binary value: [UInt8]?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    package mutating func write(_ id: Int16, string value: String?) {
        guard let value else { return }
        writeFieldHeader(id, .binary)
        writeString(value)
    }

    package mutating func write<E: ThriftEnum>(_ id: Int16, enum value: E?) {
        write(id, i32: value?.rawValue)
    }

    package mutating func write<T: ThriftStruct>(_ id: Int16, struct value: T?) {
        guard let value else { return }
        writeFieldHeader(id, .structure)
        value.write(to: &self)
    }

    /// Writes a list field whose elements `element` writes one at a time.
    package mutating func write<T>(_ id: Int16, list values: [T]?, of elementType: ThriftType,
                                   _ element: (inout CompactWriter, T) -> Void) {
        guard let values else { return }
        writeFieldHeader(id, .list)
        writeListHeader(elementType, count: values.count)
        for value in values { element(&self, value) }
    }

    package mutating func write<T: ThriftStruct>(_ id: Int16, structs values: [T]?) {
        write(id, list: values, of: .structure) { w, v in v.write(to: &w) }
    }

    package mutating func write<E: ThriftEnum>(_ id: Int16, enums values: [E]?) {
        write(id, list: values, of: .i32) { w, v in w.writeI32(v.rawValue) }
    }

    package mutating func write(_ id: Int16, strings values: [String]?) {
        write(id, list: values, of: .binary) { w, v in w.writeString(v) }
    }

    package mutating func write(_ id: Int16, binaries values: [[UInt8]]?) {
        write(id, list: values, of: .binary) { w, v in w.writeBinary(v) }
    }

    package mutating func write(_ id: Int16, i32s values: [Int32]?) {
        write(id, list: values, of: .i32) { w, v in w.writeI32(v) }
    }

    package mutating func write(_ id: Int16, i64s values: [Int64]?) {
        write(id, list: values, of: .i64) { w, v in w.writeI64(v) }
    }
}
