/// The order in which a column's statistics bounds are computed (the `ColumnOrder` union).
///
/// Readers must ignore min/max statistics of a column whose order they do not recognize.
public enum ColumnOrder: Hashable, Sendable, ThriftStruct {
    /// The order defined by the logical type, or by the physical type without one (`TYPE_ORDER`).
    case typeDefinedOrder
    /// IEEE 754 totalOrder for floating-point columns (`IEEE_754_TOTAL_ORDER`).
    case ieee754TotalOrder
    /// Chronological order of INT96 timestamps (`INT96_TIMESTAMP_ORDER`).
    case int96TimestampOrder
    /// A union member this library does not know, kept by its field id.
    case unrecognized(fieldId: Int16)

    /// The union field id of this member.
    public var fieldId: Int16 {
        switch self {
        case .typeDefinedOrder: 1
        case .ieee754TotalOrder: 2
        case .int96TimestampOrder: 3
        case .unrecognized(let id): id
        }
    }

    package static func read(from reader: inout CompactReader) throws -> ColumnOrder {
        var result: ColumnOrder?
        try reader.readStruct("ColumnOrder") { r, field in
            let member: ColumnOrder = switch field.id {
            case 1: .typeDefinedOrder
            case 2: .ieee754TotalOrder
            case 3: .int96TimestampOrder
            default: .unrecognized(fieldId: field.id)
            }
            try r.skip(field)  // every member is an empty struct
            try FieldCheck.setOnce(&result, member, "ColumnOrder", field)
        }
        return try FieldCheck.present(result, "ColumnOrder")
    }

    package func write(to writer: inout CompactWriter) {
        let id = fieldId
        writer.writeStruct { w in
            w.writeFieldHeader(id, .structure)
            w.writeStruct { _ in }
        }
    }
}
