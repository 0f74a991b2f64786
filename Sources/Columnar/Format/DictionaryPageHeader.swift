/// The header of a dictionary page.
public struct DictionaryPageHeader: Hashable, Sendable, ThriftStruct {
    /// Entries in the dictionary (`num_values`, id 1).
    public var numValues: Int32
    /// Encoding of the entries (`encoding`, id 2).
    public var encoding: Encoding
    /// Whether the entries are sorted ascending (`is_sorted`, id 3).
    public var isSorted: Bool?

    /// Creates a `DictionaryPageHeader`; optional fields default to absent.
    public init(
        numValues: Int32,
        encoding: Encoding,
        isSorted: Bool? = nil
    ) {
        self.numValues = numValues
        self.encoding = encoding
        self.isSorted = isSorted
    }

    package static func read(from reader: inout CompactReader) throws -> DictionaryPageHeader {
        var numValues: Int32?
        var encoding: Encoding?
        var isSorted: Bool?
        let owner: StaticString = "DictionaryPageHeader"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: numValues = try r.readI32(field, "num_values")
            case 2: encoding = try r.readEnum(field, "encoding")
            case 3: isSorted = try r.readBool(field, "is_sorted")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(numValues, owner, "num_values")
        return DictionaryPageHeader(
            numValues: try FieldCheck.required(numValues, owner, "num_values", id: 1),
            encoding: try FieldCheck.required(encoding, owner, "encoding", id: 2),
            isSorted: isSorted)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, i32: numValues)
        writer.write(2, enum: encoding)
        writer.write(3, bool: isSorted)
        writer.endStruct()
    }
}
