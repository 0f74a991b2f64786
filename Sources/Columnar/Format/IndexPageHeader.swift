/// The header of an index page (an empty struct in parquet.thrift; no writer produces these).
public struct IndexPageHeader: Hashable, Sendable, ThriftStruct {
    public init() {}

    package static func read(from reader: inout CompactReader) throws -> IndexPageHeader {
        try reader.readStruct("IndexPageHeader") { r, field in try r.skip(field) }
        return IndexPageHeader()
    }

    package func write(to writer: inout CompactWriter) {
        writer.writeStruct { _ in }
    }
}
