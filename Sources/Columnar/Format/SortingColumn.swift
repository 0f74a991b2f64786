/// A sort key of the rows in a row group.
public struct SortingColumn: Hashable, Sendable, ThriftStruct {
    /// Ordinal of the leaf column in the row group (`column_idx`, id 1).
    public var columnIndex: Int32
    /// Whether the order is descending (`descending`, id 2).
    public var descending: Bool
    /// Whether nulls sort before values (`nulls_first`, id 3).
    public var nullsFirst: Bool

    /// Creates a `SortingColumn`; optional fields default to absent.
    public init(
        columnIndex: Int32,
        descending: Bool,
        nullsFirst: Bool
    ) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }

    package static func read(from reader: inout CompactReader) throws -> SortingColumn {
        var columnIndex: Int32?
        var descending: Bool?
        var nullsFirst: Bool?
        let owner: StaticString = "SortingColumn"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: columnIndex = try r.readI32(field, "column_idx")
            case 2: descending = try r.readBool(field, "descending")
            case 3: nullsFirst = try r.readBool(field, "nulls_first")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(columnIndex, owner, "column_idx")
        return SortingColumn(
            columnIndex: try FieldCheck.required(columnIndex, owner, "column_idx", id: 1),
            descending: try FieldCheck.required(descending, owner, "descending", id: 2),
            nullsFirst: try FieldCheck.required(nullsFirst, owner, "nulls_first", id: 3))
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, i32: columnIndex)
        writer.write(2, bool: descending)
        writer.write(3, bool: nullsFirst)
        writer.endStruct()
    }
}
