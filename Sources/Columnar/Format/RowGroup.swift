/// A horizontal slice of the file: one ``ColumnChunk`` per leaf column, in schema order.
public struct RowGroup: Hashable, Sendable, ThriftStruct {
    /// The column chunks (`columns`, id 1).
    public var columns: [ColumnChunk]
    /// Uncompressed bytes of all column data (`total_byte_size`, id 2).
    public var totalByteSize: Int64
    /// Rows in the group (`num_rows`, id 3).
    public var numRows: Int64
    /// Sort order of the rows (`sorting_columns`, id 4).
    public var sortingColumns: [SortingColumn]?
    /// File offset of the first page (`file_offset`, id 5).
    public var fileOffset: Int64?
    /// Stored bytes of all column data (`total_compressed_size`, id 6).
    public var totalCompressedSize: Int64?
    /// Position of the group in the file (`ordinal`, id 7).
    public var ordinal: Int16?

    /// Creates a `RowGroup`; optional fields default to absent.
    public init(
        columns: [ColumnChunk],
        totalByteSize: Int64,
        numRows: Int64,
        sortingColumns: [SortingColumn]? = nil,
        fileOffset: Int64? = nil,
        totalCompressedSize: Int64? = nil,
        ordinal: Int16? = nil
    ) {
        self.columns = columns
        self.totalByteSize = totalByteSize
        self.numRows = numRows
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
    }

    package static func read(from reader: inout CompactReader) throws -> RowGroup {
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var sortingColumns: [SortingColumn]?
        var fileOffset: Int64?
        var totalCompressedSize: Int64?
        var ordinal: Int16?
        let owner: StaticString = "RowGroup"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: columns = try r.readStructList(field, "columns")
            case 2: totalByteSize = try r.readI64(field, "total_byte_size")
            case 3: numRows = try r.readI64(field, "num_rows")
            case 4: sortingColumns = try r.readStructList(field, "sorting_columns")
            case 5: fileOffset = try r.readI64(field, "file_offset")
            case 6: totalCompressedSize = try r.readI64(field, "total_compressed_size")
            case 7: ordinal = try r.readI16(field, "ordinal")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(totalByteSize, owner, "total_byte_size")
        try FieldCheck.nonNegative(numRows, owner, "num_rows")
        try FieldCheck.nonNegative(fileOffset, owner, "file_offset")
        try FieldCheck.nonNegative(totalCompressedSize, owner, "total_compressed_size")
        try FieldCheck.nonNegative(ordinal, owner, "ordinal")
        return RowGroup(
            columns: try FieldCheck.required(columns, owner, "columns", id: 1),
            totalByteSize: try FieldCheck.required(totalByteSize, owner, "total_byte_size", id: 2),
            numRows: try FieldCheck.required(numRows, owner, "num_rows", id: 3),
            sortingColumns: sortingColumns,
            fileOffset: fileOffset,
            totalCompressedSize: totalCompressedSize,
            ordinal: ordinal)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, structs: columns)
        writer.write(2, i64: totalByteSize)
        writer.write(3, i64: numRows)
        writer.write(4, structs: sortingColumns)
        writer.write(5, i64: fileOffset)
        writer.write(6, i64: totalCompressedSize)
        writer.write(7, i16: ordinal)
        writer.endStruct()
    }
}
