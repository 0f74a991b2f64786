/// A Thrift value type as seen by the compact protocol.
///
/// The compact protocol spells booleans differently in field headers (1 = true, 2 = false) and in
/// list, set and map headers (2, with 1 also accepted); both decode to ``bool``.
package enum ThriftType: UInt8, Sendable, CustomStringConvertible {
    case bool = 2
    case i8 = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case structure = 12
    case uuid = 13

    /// The type of a field header's low nibble; `nil` for codes that name no type (0, 14, 15).
    /// Both boolean codes map to ``bool``.
    init?(fieldCode code: UInt8) {
        if code == 1 { self = .bool; return }
        self.init(rawValue: code)
    }

    /// The type of a container header's element nibble (1 is accepted for booleans, as older
    /// writers emitted it).
    init?(elementCode code: UInt8) {
        if code == 1 { self = .bool; return }
        self.init(rawValue: code)
    }

    /// The fewest bytes one value of this type occupies inside a container.
    var minimumElementSize: Int {
        switch self {
        case .double: 8
        case .uuid: 16
        default: 1
        }
    }

    package var description: String {
        switch self {
        case .bool: "bool"
        case .i8: "i8"
        case .i16: "i16"
        case .i32: "i32"
        case .i64: "i64"
        case .double: "double"
        case .binary: "binary"
        case .list: "list"
        case .set: "set"
        case .map: "map"
        case .structure: "struct"
        case .uuid: "uuid"
        }
    }
}

/// The header of one field inside a compact-protocol struct.
package struct FieldHeader: Sendable, Hashable {
    /// The field id from the IDL.
    package var id: Int16
    /// The wire type of the value that follows.
    package var type: ThriftType
    /// For `bool` fields, the value itself (the compact protocol stores it in the header).
    package var boolValue: Bool

    package init(id: Int16, type: ThriftType, boolValue: Bool = false) {
        self.id = id
        self.type = type
        self.boolValue = boolValue
    }
}

/// A Thrift enum mirrored as a struct over `Int32`, so values this library does not know survive
/// decoding and re-encoding unchanged.
package protocol ThriftEnum: RawRepresentable, Hashable, Sendable where RawValue == Int32 {
    init(rawValue: Int32)
}

/// A Thrift struct or union that can be read from and written to the compact protocol.
package protocol ThriftStruct: Sendable {
    /// Reads one complete struct, including its stop field.
    static func read(from reader: inout CompactReader) throws -> Self
    /// Writes one complete struct, including its stop field.
    func write(to writer: inout CompactWriter)
}
