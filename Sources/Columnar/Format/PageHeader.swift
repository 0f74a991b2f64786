/// The header in front of every page; exactly one of the `*Header` fields should match `type`.
public struct PageHeader: Hashable, Sendable, ThriftStruct {
    /// Kind of page (`type`, id 1).
    public var type: PageType
    /// Page size in bytes before compression, header excluded (`uncompressed_page_size`, id 2).
    public var uncompressedPageSize: Int32
    /// Page size in bytes as stored, header excluded (`compressed_page_size`, id 3).
    public var compressedPageSize: Int32
    /// CRC-32 of the stored page bytes (`crc`, id 4).
    public var crc: Int32?
    /// Set for DATA_PAGE (`data_page_header`, id 5).
    public var dataPageHeader: DataPageHeader?
    /// Set for INDEX_PAGE (`index_page_header`, id 6).
    public var indexPageHeader: IndexPageHeader?
    /// Set for DICTIONARY_PAGE (`dictionary_page_header`, id 7).
    public var dictionaryPageHeader: DictionaryPageHeader?
    /// Set for DATA_PAGE_V2 (`data_page_header_v2`, id 8).
    public var dataPageHeaderV2: DataPageHeaderV2?

    /// Creates a `PageHeader`; optional fields default to absent.
    public init(
        type: PageType,
        uncompressedPageSize: Int32,
        compressedPageSize: Int32,
        crc: Int32? = nil,
        dataPageHeader: DataPageHeader? = nil,
        indexPageHeader: IndexPageHeader? = nil,
        dictionaryPageHeader: DictionaryPageHeader? = nil,
        dataPageHeaderV2: DataPageHeaderV2? = nil
    ) {
        self.type = type
        self.uncompressedPageSize = uncompressedPageSize
        self.compressedPageSize = compressedPageSize
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.indexPageHeader = indexPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }

    package static func read(from reader: inout CompactReader) throws -> PageHeader {
        var type: PageType?
        var uncompressedPageSize: Int32?
        var compressedPageSize: Int32?
        var crc: Int32?
        var dataPageHeader: DataPageHeader?
        var indexPageHeader: IndexPageHeader?
        var dictionaryPageHeader: DictionaryPageHeader?
        var dataPageHeaderV2: DataPageHeaderV2?
        let owner: StaticString = "PageHeader"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: type = try r.readEnum(field, "type")
            case 2: uncompressedPageSize = try r.readI32(field, "uncompressed_page_size")
            case 3: compressedPageSize = try r.readI32(field, "compressed_page_size")
            case 4: crc = try r.readI32(field, "crc")
            case 5: dataPageHeader = try r.readStruct(field, "data_page_header")
            case 6: indexPageHeader = try r.readStruct(field, "index_page_header")
            case 7: dictionaryPageHeader = try r.readStruct(field, "dictionary_page_header")
            case 8: dataPageHeaderV2 = try r.readStruct(field, "data_page_header_v2")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(uncompressedPageSize, owner, "uncompressed_page_size")
        try FieldCheck.nonNegative(compressedPageSize, owner, "compressed_page_size")
        return PageHeader(
            type: try FieldCheck.required(type, owner, "type", id: 1),
            uncompressedPageSize: try FieldCheck.required(uncompressedPageSize, owner, "uncompressed_page_size", id: 2),
            compressedPageSize: try FieldCheck.required(compressedPageSize, owner, "compressed_page_size", id: 3),
            crc: crc,
            dataPageHeader: dataPageHeader,
            indexPageHeader: indexPageHeader,
            dictionaryPageHeader: dictionaryPageHeader,
            dataPageHeaderV2: dataPageHeaderV2)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, enum: type)
        writer.write(2, i32: uncompressedPageSize)
        writer.write(3, i32: compressedPageSize)
        writer.write(4, i32: crc)
        writer.write(5, struct: dataPageHeader)
        writer.write(6, struct: indexPageHeader)
        writer.write(7, struct: dictionaryPageHeader)
        writer.write(8, struct: dataPageHeaderV2)
        writer.endStruct()
    }
}

extension PageHeader {
    /// Decodes a page header at `reader`'s position and advances `reader` past it.
    /// Errors carry the context `"page header at offset N"`.
    package static func decode(from reader: inout ByteReader) throws -> PageHeader {
        let start = reader.position
        var compact = CompactReader(reader)
        do {
            let header = try read(from: &compact)
            reader = compact.reader
            return header
        } catch let error as ColumnarError {
            throw error.within("page header at offset \(start)")
        }
    }

    /// Appends the compact-protocol encoding of this header to `writer`.
    package func encode(into writer: inout ByteWriter) {
        var compact = CompactWriter(writer)
        writer = ByteWriter()  // release the buffer so `compact` appends without copying
        write(to: &compact)
        writer = compact.writer
    }
}
