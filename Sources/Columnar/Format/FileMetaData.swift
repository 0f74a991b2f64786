/// The file footer: schema, row groups and application metadata.
///
/// The encryption fields (ids 8, 9) are skipped when reading.
public struct FileMetaData: Hashable, Sendable, ThriftStruct {
    /// Format version, 1 or 2 (`version`, id 1).
    public var version: Int32
    /// The schema tree flattened depth-first, root first (`schema`, id 2).
    public var schema: [SchemaElement]
    /// Rows in the file (`num_rows`, id 3).
    public var numRows: Int64
    /// The row groups (`row_groups`, id 4).
    public var rowGroups: [RowGroup]
    /// Application metadata (`key_value_metadata`, id 5).
    public var keyValueMetadata: [KeyValue]?
    /// The writing application (`created_by`, id 6).
    public var createdBy: String?
    /// Sort order of each leaf column's statistics (`column_orders`, id 7).
    public var columnOrders: [ColumnOrder]?

    /// Creates a `FileMetaData`; optional fields default to absent.
    public init(
        version: Int32,
        schema: [SchemaElement],
        numRows: Int64,
        rowGroups: [RowGroup],
        keyValueMetadata: [KeyValue]? = nil,
        createdBy: String? = nil,
        columnOrders: [ColumnOrder]? = nil
    ) {
        self.version = version
        self.schema = schema
        self.numRows = numRows
        self.rowGroups = rowGroups
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
    }

    package static func read(from reader: inout CompactReader) throws -> FileMetaData {
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var keyValueMetadata: [KeyValue]?
        var createdBy: String?
        var columnOrders: [ColumnOrder]?
        let owner: StaticString = "FileMetaData"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: version = try r.readI32(field, "version")
            case 2: schema = try r.readStructList(field, "schema")
            case 3: numRows = try r.readI64(field, "num_rows")
            case 4: rowGroups = try r.readStructList(field, "row_groups")
            case 5: keyValueMetadata = try r.readStructList(field, "key_value_metadata")
            case 6: createdBy = try r.readString(field, "created_by")
            case 7: columnOrders = try r.readStructList(field, "column_orders")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(numRows, owner, "num_rows")
        return FileMetaData(
            version: try FieldCheck.required(version, owner, "version", id: 1),
            schema: try FieldCheck.required(schema, owner, "schema", id: 2),
            numRows: try FieldCheck.required(numRows, owner, "num_rows", id: 3),
            rowGroups: try FieldCheck.required(rowGroups, owner, "row_groups", id: 4),
            keyValueMetadata: keyValueMetadata,
            createdBy: createdBy,
            columnOrders: columnOrders)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, i32: version)
        writer.write(2, structs: schema)
        writer.write(3, i64: numRows)
        writer.write(4, structs: rowGroups)
        writer.write(5, structs: keyValueMetadata)
        writer.write(6, string: createdBy)
        writer.write(7, structs: columnOrders)
        writer.endStruct()
    }
}

extension FileMetaData {
    /// Decodes the footer stored in `range` of `bytes` (between the last row group and the
    /// 4-byte footer length). Errors carry the context `"footer"`.
    public static func decode(_ bytes: [UInt8], range: Range<Int>) throws -> FileMetaData {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else {
            throw ColumnarError.corrupt(
                "footer: range \(range.lowerBound)..<\(range.upperBound) is outside the \(bytes.count) bytes available")
        }
        var reader = CompactReader(ByteReader(bytes, range: range))
        do {
            return try read(from: &reader)
        } catch let error as ColumnarError {
            throw error.within("footer")
        }
    }

    /// The compact-protocol encoding of this footer.
    public func encoded() -> [UInt8] {
        var writer = CompactWriter(ByteWriter(capacity: 1024))
        write(to: &writer)
        return writer.bytes
    }
}
