/// How many pages of one type use one encoding in a column chunk.
public struct PageEncodingStats: Hashable, Sendable, ThriftStruct {
    /// Kind of page (`page_type`, id 1).
    public var pageType: PageType
    /// Encoding of the pages (`encoding`, id 2).
    public var encoding: Encoding
    /// Number of such pages (`count`, id 3).
    public var count: Int32

    /// Creates a `PageEncodingStats`; optional fields default to absent.
    public init(
        pageType: PageType,
        encoding: Encoding,
        count: Int32
    ) {
        self.pageType = pageType
        self.encoding = encoding
        self.count = count
    }

    package static func read(from reader: inout CompactReader) throws -> PageEncodingStats {
        var pageType: PageType?
        var encoding: Encoding?
        var count: Int32?
        let owner: StaticString = "PageEncodingStats"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: pageType = try r.readEnum(field, "page_type")
            case 2: encoding = try r.readEnum(field, "encoding")
            case 3: count = try r.readI32(field, "count")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(count, owner, "count")
        return PageEncodingStats(
            pageType: try FieldCheck.required(pageType, owner, "page_type", id: 1),
            encoding: try FieldCheck.required(encoding, owner, "encoding", id: 2),
            count: try FieldCheck.required(count, owner, "count", id: 3))
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, enum: pageType)
        writer.write(2, enum: encoding)
        writer.write(3, i32: count)
        writer.endStruct()
    }
}
