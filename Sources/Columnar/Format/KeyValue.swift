/// A key/value metadata entry.
public struct KeyValue: Hashable, Sendable, ThriftStruct {
    /// The key (`key`, id 1).
    public var key: String
    /// The value (`value`, id 2).
    public var value: String?

    /// Creates a `KeyValue`; optional fields default to absent.
    public init(
        key: String,
        value: String? = nil
    ) {
        self.key = key
        self.value = value
    }

    package static func read(from reader: inout CompactReader) throws -> KeyValue {
        var key: String?
        var value: String?
        let owner: StaticString = "KeyValue"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: key = try r.readString(field, "key")
            case 2: value = try r.readString(field, "value")
            default: try r.skip(field)
            }
        }
        return KeyValue(
            key: try FieldCheck.required(key, owner, "key", id: 1),
            value: value)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, string: key)
        writer.write(2, string: value)
        writer.endStruct()
    }
}
