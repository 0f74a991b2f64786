/// One column of one row group.
///
/// The encryption fields (ids 8, 9) are skipped when reading.
public struct ColumnChunk: Hashable, Sendable, ThriftStruct {
    /// File holding the data if not this one (`file_path`, id 1).
    public var filePath: String?
    /// Deprecated offset of the metadata; 0 when absent (`file_offset`, id 2).
    public var fileOffset: Int64
    /// The chunk's metadata; every writer sets it (`meta_data`, id 3).
    public var metaData: ColumnMetaData?
    /// File offset of the OffsetIndex (`offset_index_offset`, id 4).
    public var offsetIndexOffset: Int64?
    /// Byte length of the OffsetIndex (`offset_index_length`, id 5).
    public var offsetIndexLength: Int32?
    /// File offset of the ColumnIndex (`column_index_offset`, id 6).
    public var columnIndexOffset: Int64?
    /// Byte length of the ColumnIndex (`column_index_length`, id 7).
    public var columnIndexLength: Int32?

    /// Creates a `ColumnChunk`; optional fields default to absent.
    public init(
        filePath: String? = nil,
        fileOffset: Int64 = 0,
        metaData: ColumnMetaData? = nil,
        offsetIndexOffset: Int64? = nil,
        offsetIndexLength: Int32? = nil,
        columnIndexOffset: Int64? = nil,
        columnIndexLength: Int32? = nil
    ) {
        self.filePath = filePath
        self.fileOffset = fileOffset
        self.metaData = metaData
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
    }

    package static func read(from reader: inout CompactReader) throws -> ColumnChunk {
        var filePath: String?
        var fileOffset: Int64?
        var metaData: ColumnMetaData?
        var offsetIndexOffset: Int64?
        var offsetIndexLength: Int32?
        var columnIndexOffset: Int64?
        var columnIndexLength: Int32?
        let owner: StaticString = "ColumnChunk"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: filePath = try r.readString(field, "file_path")
            case 2: fileOffset = try r.readI64(field, "file_offset")
            case 3: metaData = try r.readStruct(field, "meta_data")
            case 4: offsetIndexOffset = try r.readI64(field, "offset_index_offset")
            case 5: offsetIndexLength = try r.readI32(field, "offset_index_length")
            case 6: columnIndexOffset = try r.readI64(field, "column_index_offset")
            case 7: columnIndexLength = try r.readI32(field, "column_index_length")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(offsetIndexOffset, owner, "offset_index_offset")
        try FieldCheck.nonNegative(offsetIndexLength, owner, "offset_index_length")
        try FieldCheck.nonNegative(columnIndexOffset, owner, "column_index_offset")
        try FieldCheck.nonNegative(columnIndexLength, owner, "column_index_length")
        return ColumnChunk(
            filePath: filePath,
            fileOffset: fileOffset ?? 0,
            metaData: metaData,
            offsetIndexOffset: offsetIndexOffset,
            offsetIndexLength: offsetIndexLength,
            columnIndexOffset: columnIndexOffset,
            columnIndexLength: columnIndexLength)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, string: filePath)
        writer.write(2, i64: fileOffset)
        writer.write(3, struct: metaData)
        writer.write(4, i64: offsetIndexOffset)
        writer.write(5, i32: offsetIndexLength)
        writer.write(6, i64: columnIndexOffset)
        writer.write(7, i32: columnIndexLength)
        writer.endStruct()
    }
}
