/// A column's logical type annotation (the `LogicalType` union in parquet.thrift).
public enum LogicalType: Hashable, Sendable, ThriftStruct {
    /// UTF-8 text in BYTE_ARRAY.
    case string
    case map
    case list
    case `enum`
    /// A decimal of `precision` digits, `scale` of them after the point.
    case decimal(scale: Int32, precision: Int32)
    /// Days since the Unix epoch in INT32.
    case date
    case time(isAdjustedToUTC: Bool, unit: LogicalTimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: LogicalTimeUnit)
    /// An integer of `bitWidth` (8, 16, 32 or 64) bits.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Always null (`UNKNOWN`, `NullType` in the IDL).
    case unknown
    case json
    case bson
    case uuid
    case float16
    case variant(specificationVersion: Int8? = nil)
    case geometry(crs: String? = nil)
    case geography(crs: String? = nil, algorithm: EdgeInterpolationAlgorithm? = nil)
    case vector
    /// A union member this library does not know, kept by its field id (its content is dropped).
    case unrecognized(fieldId: Int16)

    /// The union field id of this member.
    public var fieldId: Int16 {
        switch self {
        case .string: 1
        case .map: 2
        case .list: 3
        case .enum: 4
        case .decimal: 5
        case .date: 6
        case .time: 7
        case .timestamp: 8
        case .integer: 10
        case .unknown: 11
        case .json: 12
        case .bson: 13
        case .uuid: 14
        case .float16: 15
        case .variant: 16
        case .geometry: 17
        case .geography: 18
        case .vector: 19
        case .unrecognized(let id): id
        }
    }

    package static func read(from reader: inout CompactReader) throws -> LogicalType {
        var result: LogicalType?
        try reader.readStruct("LogicalType") { r, field in
            let member: LogicalType
            switch field.id {
            case 5: member = try r.readStruct(field, "DECIMAL", readDecimal)
            case 7: member = try r.readStruct(field, "TIME") { try readTime(from: &$0, timestamp: false) }
            case 8: member = try r.readStruct(field, "TIMESTAMP") { try readTime(from: &$0, timestamp: true) }
            case 10: member = try r.readStruct(field, "INTEGER", readInteger)
            case 16: member = try r.readStruct(field, "VARIANT", readVariant)
            case 17: member = try r.readStruct(field, "GEOMETRY") { try readGeospatial(from: &$0, geography: false) }
            case 18: member = try r.readStruct(field, "GEOGRAPHY") { try readGeospatial(from: &$0, geography: true) }
            default:
                member = switch field.id {
                case 1: .string
                case 2: .map
                case 3: .list
                case 4: .enum
                case 6: .date
                case 11: .unknown
                case 12: .json
                case 13: .bson
                case 14: .uuid
                case 15: .float16
                case 19: .vector
                default: .unrecognized(fieldId: field.id)
                }
                try r.skip(field)  // an empty struct (or a member we do not know)
            }
            try FieldCheck.setOnce(&result, member, "LogicalType", field)
        }
        return try FieldCheck.present(result, "LogicalType")
    }

    package func write(to writer: inout CompactWriter) {
        let id = fieldId
        writer.writeStruct { w in
            w.writeFieldHeader(id, .structure)
            w.writeStruct { w in
                switch self {
                case .decimal(let scale, let precision):
                    w.write(1, i32: scale)
                    w.write(2, i32: precision)
                case .time(let utc, let unit), .timestamp(let utc, let unit):
                    w.write(1, bool: utc)
                    w.write(2, struct: unit)
                case .integer(let bitWidth, let isSigned):
                    w.write(1, i8: bitWidth)
                    w.write(2, bool: isSigned)
                case .variant(let version):
                    w.write(1, i8: version)
                case .geometry(let crs):
                    w.write(1, string: crs)
                case .geography(let crs, let algorithm):
                    w.write(1, string: crs)
                    w.write(2, enum: algorithm)
                default:
                    break
                }
            }
        }
    }
}

// The bodies of the union members that carry fields.
extension LogicalType {
    private static func readDecimal(from reader: inout CompactReader) throws -> LogicalType {
        var scale: Int32?
        var precision: Int32?
        try reader.readStruct("DecimalType") { r, field in
            switch field.id {
            case 1: scale = try r.readI32(field, "scale")
            case 2: precision = try r.readI32(field, "precision")
            default: try r.skip(field)
            }
        }
        return .decimal(
            scale: try FieldCheck.required(scale, "DecimalType", "scale", id: 1),
            precision: try FieldCheck.required(precision, "DecimalType", "precision", id: 2))
    }

    /// TimeType and TimestampType, which share their layout.
    private static func readTime(from reader: inout CompactReader, timestamp: Bool) throws -> LogicalType {
        var utc: Bool?
        var unit: LogicalTimeUnit?
        let owner: StaticString = timestamp ? "TimestampType" : "TimeType"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: utc = try r.readBool(field, "isAdjustedToUTC")
            case 2: unit = try r.readStruct(field, "unit", as: LogicalTimeUnit.self)
            default: try r.skip(field)
            }
        }
        let isAdjustedToUTC = try FieldCheck.required(utc, owner, "isAdjustedToUTC", id: 1)
        let timeUnit = try FieldCheck.required(unit, owner, "unit", id: 2)
        return timestamp
            ? .timestamp(isAdjustedToUTC: isAdjustedToUTC, unit: timeUnit)
            : .time(isAdjustedToUTC: isAdjustedToUTC, unit: timeUnit)
    }

    private static func readInteger(from reader: inout CompactReader) throws -> LogicalType {
        var bitWidth: Int8?
        var isSigned: Bool?
        try reader.readStruct("IntType") { r, field in
            switch field.id {
            case 1: bitWidth = try r.readI8(field, "bitWidth")
            case 2: isSigned = try r.readBool(field, "isSigned")
            default: try r.skip(field)
            }
        }
        return .integer(
            bitWidth: try FieldCheck.required(bitWidth, "IntType", "bitWidth", id: 1),
            isSigned: try FieldCheck.required(isSigned, "IntType", "isSigned", id: 2))
    }

    private static func readVariant(from reader: inout CompactReader) throws -> LogicalType {
        var version: Int8?
        try reader.readStruct("VariantType") { r, field in
            switch field.id {
            case 1: version = try r.readI8(field, "specification_version")
            default: try r.skip(field)
            }
        }
        return .variant(specificationVersion: version)
    }

    /// GeometryType and GeographyType (the first is a prefix of the second).
    private static func readGeospatial(from reader: inout CompactReader, geography: Bool) throws -> LogicalType {
        var crs: String?
        var algorithm: EdgeInterpolationAlgorithm?
        try reader.readStruct(geography ? "GeographyType" : "GeometryType") { r, field in
            switch field.id {
            case 1: crs = try r.readString(field, "crs")
            case 2 where geography: algorithm = try r.readEnum(field, "algorithm")
            default: try r.skip(field)
            }
        }
        return geography ? .geography(crs: crs, algorithm: algorithm) : .geometry(crs: crs)
    }
}
