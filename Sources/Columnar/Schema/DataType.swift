/// The unit of a timestamp column's int64 values.
public enum TimeUnit: String, Hashable, Sendable {
    case millis = "ms"
    case micros = "us"
    case nanos = "ns"
}

/// The logical type of a column as this library presents it.
///
/// Each case maps onto one Parquet physical type (with a logical-type annotation where needed):
///
/// | case | physical | in memory |
/// | --- | --- | --- |
/// | `boolean` | BOOLEAN | `[Bool]` |
/// | `int32`, `date` | INT32 | `[Int32]` (date: days since 1970-01-01) |
/// | `int64`, `timestamp` | INT64 (INT96 when read) | `[Int64]` |
/// | `float`, `double` | FLOAT, DOUBLE | `[Float]`, `[Double]` |
/// | `string`, `binary` | BYTE_ARRAY (FIXED_LEN_BYTE_ARRAY when read) | ``ByteArrayColumn`` |
/// | `list` | a 3-level LIST group of one of the above | offsets + element values |
public indirect enum DataType: Hashable, Sendable, CustomStringConvertible {
    case boolean
    case int32
    case int64
    case float
    case double
    /// UTF-8 text (BYTE_ARRAY with the STRING logical type).
    case string
    /// Opaque bytes.
    case binary
    /// Int64 counts of `unit` since the Unix epoch; `utc` is the Parquet `isAdjustedToUTC` flag.
    case timestamp(TimeUnit, utc: Bool)
    /// Int32 days since the Unix epoch.
    case date
    /// A list whose elements are described by `element` (one level; lists of lists are not supported).
    case list(Field)

    /// The element type of a list, or the type itself.
    public var leafType: DataType {
        if case .list(let element) = self { return element.type }
        return self
    }

    /// Whether this is a `list`.
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// The name printed by `aigq inspect`: `int64`, `string`, `timestamp[ms, UTC]`, `list<string>`.
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .int32: "int32"
        case .int64: "int64"
        case .float: "float"
        case .double: "double"
        case .string: "string"
        case .binary: "binary"
        case .timestamp(let unit, let utc): utc ? "timestamp[\(unit.rawValue), UTC]" : "timestamp[\(unit.rawValue)]"
        case .date: "date32"
        case .list(let element): "list<\(element.type)>"
        }
    }
}
