/// The header of a version 1 data page.
public struct DataPageHeader: Hashable, Sendable, ThriftStruct {
    /// Values in the page, nulls included (`num_values`, id 1).
    public var numValues: Int32
    /// Encoding of the values (`encoding`, id 2).
    public var encoding: Encoding
    /// Encoding of the definition levels (`definition_level_encoding`, id 3).
    public var definitionLevelEncoding: Encoding
    /// Encoding of the repetition levels (`repetition_level_encoding`, id 4).
    public var repetitionLevelEncoding: Encoding
    /// Statistics of the page (`statistics`, id 5).
    public var statistics: Statistics?

    /// Creates a `DataPageHeader`; optional fields default to absent.
    public init(
        numValues: Int32,
        encoding: Encoding,
        definitionLevelEncoding: Encoding,
        repetitionLevelEncoding: Encoding,
        statistics: Statistics? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding
        self.repetitionLevelEncoding = repetitionLevelEncoding
        self.statistics = statistics
    }

    package static func read(from reader: inout CompactReader) throws -> DataPageHeader {
        var numValues: Int32?
        var encoding: Encoding?
        var definitionLevelEncoding: Encoding?
        var repetitionLevelEncoding: Encoding?
        var statistics: Statistics?
        let owner: StaticString = "DataPageHeader"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: numValues = try r.readI32(field, "num_values")
            case 2: encoding = try r.readEnum(field, "encoding")
            case 3: definitionLevelEncoding = try r.readEnum(field, "definition_level_encoding")
            case 4: repetitionLevelEncoding = try r.readEnum(field, "repetition_level_encoding")
            case 5: statistics = try r.readStruct(field, "statistics")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(numValues, owner, "num_values")
        return DataPageHeader(
            numValues: try FieldCheck.required(numValues, owner, "num_values", id: 1),
            encoding: try FieldCheck.required(encoding, owner, "encoding", id: 2),
            definitionLevelEncoding: try FieldCheck.required(
                definitionLevelEncoding, owner, "definition_level_encoding", id: 3),
            repetitionLevelEncoding: try FieldCheck.required(
                repetitionLevelEncoding, owner, "repetition_level_encoding", id: 4),
            statistics: statistics)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, i32: numValues)
        writer.write(2, enum: encoding)
        writer.write(3, enum: definitionLevelEncoding)
        writer.write(4, enum: repetitionLevelEncoding)
        writer.write(5, struct: statistics)
        writer.endStruct()
    }
}
