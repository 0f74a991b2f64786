/// The header of a version 2 data page: levels come first, uncompressed, then the values.
public struct DataPageHeaderV2: Hashable, Sendable, ThriftStruct {
    /// Values in the page, nulls included (`num_values`, id 1).
    public var numValues: Int32
    /// Null values in the page (`num_nulls`, id 2).
    public var numNulls: Int32
    /// Rows in the page (`num_rows`, id 3).
    public var numRows: Int32
    /// Encoding of the values (`encoding`, id 4).
    public var encoding: Encoding
    /// Byte length of the RLE definition levels (`definition_levels_byte_length`, id 5).
    public var definitionLevelsByteLength: Int32
    /// Byte length of the RLE repetition levels (`repetition_levels_byte_length`, id 6).
    public var repetitionLevelsByteLength: Int32
    /// Whether the values section is compressed; `true` when absent (`is_compressed`, id 7).
    public var isCompressed: Bool
    /// Statistics of the page (`statistics`, id 8).
    public var statistics: Statistics?

    /// Creates a `DataPageHeaderV2`; optional fields default to absent.
    public init(
        numValues: Int32,
        numNulls: Int32,
        numRows: Int32,
        encoding: Encoding,
        definitionLevelsByteLength: Int32,
        repetitionLevelsByteLength: Int32,
        isCompressed: Bool = true,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.numNulls = numNulls
        self.numRows = numRows
        self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    package static func read(from reader: inout CompactReader) throws -> DataPageHeaderV2 {
        var numValues: Int32?
        var numNulls: Int32?
        var numRows: Int32?
        var encoding: Encoding?
        var definitionLevelsByteLength: Int32?
        var repetitionLevelsByteLength: Int32?
        var isCompressed: Bool?
        var statistics: Statistics?
        let owner: StaticString = "DataPageHeaderV2"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: numValues = try r.readI32(field, "num_values")
            case 2: numNulls = try r.readI32(field, "num_nulls")
            case 3: numRows = try r.readI32(field, "num_rows")
            case 4: encoding = try r.readEnum(field, "encoding")
            case 5: definitionLevelsByteLength = try r.readI32(field, "definition_levels_byte_length")
            case 6: repetitionLevelsByteLength = try r.readI32(field, "repetition_levels_byte_length")
            case 7: isCompressed = try r.readBool(field, "is_compressed")
            case 8: statistics = try r.readStruct(field, "statistics")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(numValues, owner, "num_values")
        try FieldCheck.nonNegative(numNulls, owner, "num_nulls")
        try FieldCheck.nonNegative(numRows, owner, "num_rows")
        try FieldCheck.nonNegative(definitionLevelsByteLength, owner, "definition_levels_byte_length")
        try FieldCheck.nonNegative(repetitionLevelsByteLength, owner, "repetition_levels_byte_length")
        return DataPageHeaderV2(
            numValues: try FieldCheck.required(numValues, owner, "num_values", id: 1),
            numNulls: try FieldCheck.required(numNulls, owner, "num_nulls", id: 2),
            numRows: try FieldCheck.required(numRows, owner, "num_rows", id: 3),
            encoding: try FieldCheck.required(encoding, owner, "encoding", id: 4),
            definitionLevelsByteLength: try FieldCheck.required(
                definitionLevelsByteLength, owner, "definition_levels_byte_length", id: 5),
            repetitionLevelsByteLength: try FieldCheck.required(
                repetitionLevelsByteLength, owner, "repetition_levels_byte_length", id: 6),
            isCompressed: isCompressed ?? true,
            statistics: statistics)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, i32: numValues)
        writer.write(2, i32: numNulls)
        writer.write(3, i32: numRows)
        writer.write(4, enum: encoding)
        writer.write(5, i32: definitionLevelsByteLength)
        writer.write(6, i32: repetitionLevelsByteLength)
        writer.write(7, bool: isCompressed)
        writer.write(8, struct: statistics)
        writer.endStruct()
    }
}
