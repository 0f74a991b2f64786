/// Where a column chunk's pages are and how they are encoded.
///
/// Size and geospatial statistics (ids 16, 17) are skipped when reading.
public struct ColumnMetaData: Hashable, Sendable, ThriftStruct {
    /// Physical type (`type`, id 1).
    public var type: PhysicalType
    /// Every encoding used in the chunk (`encodings`, id 2).
    public var encodings: [Encoding]
    /// Names from the root to this leaf, root excluded (`path_in_schema`, id 3).
    public var pathInSchema: [String]
    /// Compression codec of the pages (`codec`, id 4).
    public var codec: CompressionCodec
    /// Values in the chunk, nulls included (`num_values`, id 5).
    public var numValues: Int64
    /// Bytes of all pages before compression, headers included (`total_uncompressed_size`, id 6).
    public var totalUncompressedSize: Int64
    /// Bytes of all pages as stored, headers included (`total_compressed_size`, id 7).
    public var totalCompressedSize: Int64
    /// Application metadata (`key_value_metadata`, id 8).
    public var keyValueMetadata: [KeyValue]?
    /// File offset of the first data page (`data_page_offset`, id 9).
    public var dataPageOffset: Int64
    /// File offset of the root index page (`index_page_offset`, id 10).
    public var indexPageOffset: Int64?
    /// File offset of the dictionary page (`dictionary_page_offset`, id 11).
    public var dictionaryPageOffset: Int64?
    /// Statistics of the chunk (`statistics`, id 12).
    public var statistics: Statistics?
    /// Page counts per type and encoding (`encoding_stats`, id 13).
    public var encodingStats: [PageEncodingStats]?
    /// File offset of the Bloom filter (`bloom_filter_offset`, id 14).
    public var bloomFilterOffset: Int64?
    /// Bloom filter size in bytes, header included (`bloom_filter_length`, id 15).
    public var bloomFilterLength: Int32?

    /// Creates a `ColumnMetaData`; optional fields default to absent.
    public init(
        type: PhysicalType,
        encodings: [Encoding],
        pathInSchema: [String],
        codec: CompressionCodec,
        numValues: Int64,
        totalUncompressedSize: Int64,
        totalCompressedSize: Int64,
        keyValueMetadata: [KeyValue]? = nil,
        dataPageOffset: Int64,
        indexPageOffset: Int64? = nil,
        dictionaryPageOffset: Int64? = nil,
        statistics: Statistics? = nil,
        encodingStats: [PageEncodingStats]? = nil,
        bloomFilterOffset: Int64? = nil,
        bloomFilterLength: Int32? = nil
    ) {
        self.type = type
        self.encodings = encodings
        self.pathInSchema = pathInSchema
        self.codec = codec
        self.numValues = numValues
        self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize
        self.keyValueMetadata = keyValueMetadata
        self.dataPageOffset = dataPageOffset
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
    }

    package static func read(from reader: inout CompactReader) throws -> ColumnMetaData {
        var type: PhysicalType?
        var encodings: [Encoding]?
        var pathInSchema: [String]?
        var codec: CompressionCodec?
        var numValues: Int64?
        var totalUncompressedSize: Int64?
        var totalCompressedSize: Int64?
        var keyValueMetadata: [KeyValue]?
        var dataPageOffset: Int64?
        var indexPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: Statistics?
        var encodingStats: [PageEncodingStats]?
        var bloomFilterOffset: Int64?
        var bloomFilterLength: Int32?
        let owner: StaticString = "ColumnMetaData"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: type = try r.readEnum(field, "type")
            case 2: encodings = try r.readEnumList(field, "encodings")
            case 3: pathInSchema = try r.readStringList(field, "path_in_schema")
            case 4: codec = try r.readEnum(field, "codec")
            case 5: numValues = try r.readI64(field, "num_values")
            case 6: totalUncompressedSize = try r.readI64(field, "total_uncompressed_size")
            case 7: totalCompressedSize = try r.readI64(field, "total_compressed_size")
            case 8: keyValueMetadata = try r.readStructList(field, "key_value_metadata")
            case 9: dataPageOffset = try r.readI64(field, "data_page_offset")
            case 10: indexPageOffset = try r.readI64(field, "index_page_offset")
            case 11: dictionaryPageOffset = try r.readI64(field, "dictionary_page_offset")
            case 12: statistics = try r.readStruct(field, "statistics")
            case 13: encodingStats = try r.readStructList(field, "encoding_stats")
            case 14: bloomFilterOffset = try r.readI64(field, "bloom_filter_offset")
            case 15: bloomFilterLength = try r.readI32(field, "bloom_filter_length")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(numValues, owner, "num_values")
        try FieldCheck.nonNegative(totalUncompressedSize, owner, "total_uncompressed_size")
        try FieldCheck.nonNegative(totalCompressedSize, owner, "total_compressed_size")
        try FieldCheck.nonNegative(dataPageOffset, owner, "data_page_offset")
        try FieldCheck.nonNegative(indexPageOffset, owner, "index_page_offset")
        try FieldCheck.nonNegative(dictionaryPageOffset, owner, "dictionary_page_offset")
        try FieldCheck.nonNegative(bloomFilterOffset, owner, "bloom_filter_offset")
        try FieldCheck.nonNegative(bloomFilterLength, owner, "bloom_filter_length")
        return ColumnMetaData(
            type: try FieldCheck.required(type, owner, "type", id: 1),
            encodings: try FieldCheck.required(encodings, owner, "encodings", id: 2),
            pathInSchema: try FieldCheck.required(pathInSchema, owner, "path_in_schema", id: 3),
            codec: try FieldCheck.required(codec, owner, "codec", id: 4),
            numValues: try FieldCheck.required(numValues, owner, "num_values", id: 5),
            totalUncompressedSize: try FieldCheck.required(
                totalUncompressedSize, owner, "total_uncompressed_size", id: 6),
            totalCompressedSize: try FieldCheck.required(totalCompressedSize, owner, "total_compressed_size", id: 7),
            keyValueMetadata: keyValueMetadata,
            dataPageOffset: try FieldCheck.required(dataPageOffset, owner, "data_page_offset", id: 9),
            indexPageOffset: indexPageOffset,
            dictionaryPageOffset: dictionaryPageOffset,
            statistics: statistics,
            encodingStats: encodingStats,
            bloomFilterOffset: bloomFilterOffset,
            bloomFilterLength: bloomFilterLength)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, enum: type)
        writer.write(2, enums: encodings)
        writer.write(3, strings: pathInSchema)
        writer.write(4, enum: codec)
        writer.write(5, i64: numValues)
        writer.write(6, i64: totalUncompressedSize)
        writer.write(7, i64: totalCompressedSize)
        writer.write(8, structs: keyValueMetadata)
        writer.write(9, i64: dataPageOffset)
        writer.write(10, i64: indexPageOffset)
        writer.write(11, i64: dictionaryPageOffset)
        writer.write(12, struct: statistics)
        writer.write(13, structs: encodingStats)
        writer.write(14, i64: bloomFilterOffset)
        writer.write(15, i32: bloomFilterLength)
        writer.endStruct()
    }
}
