/// The unit of a TIME or TIMESTAMP logical type (the `TimeUnit` union in parquet.thrift).
public enum LogicalTimeUnit: Hashable, Sendable, CustomStringConvertible, ThriftStruct {
    case millis
    case micros
    case nanos
    /// A union member this library does not know, kept by its field id.
    case unrecognized(fieldId: Int16)

    public var description: String {
        switch self {
        case .millis: "MILLIS"
        case .micros: "MICROS"
        case .nanos: "NANOS"
        case .unrecognized(let id): "UNKNOWN(\(id))"
        }
    }

    package static func read(from reader: inout CompactReader) throws -> LogicalTimeUnit {
        var result: LogicalTimeUnit?
        try reader.readStruct("TimeUnit") { r, field in
            let member: LogicalTimeUnit = switch field.id {
            case 1: .millis
            case 2: .micros
            case 3: .nanos
            default: .unrecognized(fieldId: field.id)
            }
            try r.skip(field)  // every member is an empty struct
            try FieldCheck.setOnce(&result, member, "TimeUnit", field)
        }
        return try FieldCheck.present(result, "TimeUnit")
    }

    package func write(to writer: inout CompactWriter) {
        let id: Int16 = switch self {
        case .millis: 1
        case .micros: 2
        case .nanos: 3
        case .unrecognized(let id): id
        }
        writer.writeStruct { w in
            w.writeFieldHeader(id, .structure)
            w.writeStruct { _ in }
        }
    }
}
