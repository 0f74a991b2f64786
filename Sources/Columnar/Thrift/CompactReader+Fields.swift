/// Typed field readers: each checks the field's wire type, reads the value and, if anything goes
/// wrong, names the struct and field in the error's context.
extension CompactReader {
    package mutating func readBool(_ field: FieldHeader, _ name: StaticString) throws -> Bool {
        try expect(field, .bool, name)
        return field.boolValue
    }

    package mutating func readI8(_ field: FieldHeader, _ name: StaticString) throws -> Int8 {
        try value(field, name, .i8) { try $0.readI8() }
    }

    package mutating func readI16(_ field: FieldHeader, _ name: StaticString) throws -> Int16 {
        try value(field, name, .i16) { try $0.readI16() }
    }

    package mutating func readI32(_ field: FieldHeader, _ name: StaticString) throws -> Int32 {
        try value(field, name, .i32) { try $0.readI32() }
    }

    package mutating func readI64(_ field: FieldHeader, _ name: StaticString) throws -> Int64 {
        try value(field, name, .i64) { try $0.readI64() }
    }

    package mutating func readDouble(_ field: FieldHeader, _ name: StaticString) throws -> Double {
        try value(field, name, .double) { try $0.readDouble() }
    }

    package mutating func readBinary(_ field: FieldHeader, _ name: StaticString) throws -> [UInt8] {
        try value(field, name, .binary) { try $0.readBinary() }
    }

    package mutating func readString(_ field: FieldHeader, _ name: StaticString) throws -> String {
        try value(field, name, .binary) { try $0.readString() }
    }

    /// Reads an enum field (an i32 on the wire); unknown values are kept.
    package mutating func readEnum<E: ThriftEnum>(
        _ field: FieldHeader, _ name: StaticString, as _: E.Type = E.self
    ) throws -> E {
        E(rawValue: try readI32(field, name))
    }

    /// Reads a nested struct or union field.
    package mutating func readStruct<T: ThriftStruct>(
        _ field: FieldHeader, _ name: StaticString, as _: T.Type = T.self
    ) throws -> T {
        try value(field, name, .structure) { try T.read(from: &$0) }
    }

    /// Reads a nested struct field with `read`, which must consume exactly one struct.
    package mutating func readStruct<T>(
        _ field: FieldHeader,
        _ name: StaticString,
        _ read: (inout CompactReader) throws -> T
    ) throws -> T {
        try value(field, name, .structure, read)
    }

    /// Reads a list (or set) field whose elements have wire type `elementType`, calling `element`
    /// once per element.
    package mutating func readList<T>(
        _ field: FieldHeader,
        _ name: StaticString,
        of elementType: ThriftType,
        _ element: (inout CompactReader) throws -> T
    ) throws -> [T] {
        guard field.type == .list || field.type == .set else {
            throw ColumnarError.corrupt("\(label(name, field)) has wire type \(field.type) but list was expected")
        }
        var index: Int?
        do {
            let (type, count) = try readListHeader()
            guard type == elementType || count == 0 else {
                throw ColumnarError.corrupt("list elements have wire type \(type) but \(elementType) was expected")
            }
            var result: [T] = []
            result.reserveCapacity(Swift.min(count, 4096))
            for i in 0..<count {
                index = i
                result.append(try element(&self))
            }
            return result
        } catch let error as ColumnarError {
            throw error.within(label(name, field, index: index))
        }
    }

    /// Reads a list of structs.
    package mutating func readStructList<T: ThriftStruct>(
        _ field: FieldHeader, _ name: StaticString, of _: T.Type = T.self
    ) throws -> [T] {
        try readList(field, name, of: .structure) { try T.read(from: &$0) }
    }

    /// Reads a list of enums (i32 on the wire).
    package mutating func readEnumList<E: ThriftEnum>(
        _ field: FieldHeader, _ name: StaticString, of _: E.Type = E.self
    ) throws -> [E] {
        try readList(field, name, of: .i32) { E(rawValue: try $0.readI32()) }
    }

    /// Reads a list of strings.
    package mutating func readStringList(_ field: FieldHeader, _ name: StaticString) throws -> [String] {
        try readList(field, name, of: .binary) { try $0.readString() }
    }

    /// Reads a list of i64 values.
    package mutating func readI64List(_ field: FieldHeader, _ name: StaticString) throws -> [Int64] {
        try readList(field, name, of: .i64) { try $0.readI64() }
    }

    // MARK: - Helpers

    private func expect(_ field: FieldHeader, _ type: ThriftType, _ name: StaticString) throws {
        guard field.type == type else {
            throw ColumnarError.corrupt("\(label(name, field)) has wire type \(field.type) but \(type) was expected")
        }
    }

    @inline(__always)
    private mutating func value<T>(
        _ field: FieldHeader,
        _ name: StaticString,
        _ type: ThriftType,
        _ body: (inout CompactReader) throws -> T
    ) throws -> T {
        try expect(field, type, name)
        do {
            return try body(&self)
        } catch let error as ColumnarError {
            throw error.within(label(name, field))
        }
    }
}
