/// The deprecated type annotation superseded by ``LogicalType`` (`ConvertedType` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct ConvertedType: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UTF8`
    public static let utf8 = ConvertedType(rawValue: 0)
    /// `MAP`
    public static let map = ConvertedType(rawValue: 1)
    /// `MAP_KEY_VALUE`
    public static let mapKeyValue = ConvertedType(rawValue: 2)
    /// `LIST`
    public static let list = ConvertedType(rawValue: 3)
    /// `ENUM`
    public static let `enum` = ConvertedType(rawValue: 4)
    /// `DECIMAL`
    public static let decimal = ConvertedType(rawValue: 5)
    /// `DATE`
    public static let date = ConvertedType(rawValue: 6)
    /// `TIME_MILLIS`
    public static let timeMillis = ConvertedType(rawValue: 7)
    /// `TIME_MICROS`
    public static let timeMicros = ConvertedType(rawValue: 8)
    /// `TIMESTAMP_MILLIS`
    public static let timestampMillis = ConvertedType(rawValue: 9)
    /// `TIMESTAMP_MICROS`
    public static let timestampMicros = ConvertedType(rawValue: 10)
    /// `UINT_8`
    public static let uint8 = ConvertedType(rawValue: 11)
    /// `UINT_16`
    public static let uint16 = ConvertedType(rawValue: 12)
    /// `UINT_32`
    public static let uint32 = ConvertedType(rawValue: 13)
    /// `UINT_64`
    public static let uint64 = ConvertedType(rawValue: 14)
    /// `INT_8`
    public static let int8 = ConvertedType(rawValue: 15)
    /// `INT_16`
    public static let int16 = ConvertedType(rawValue: 16)
    /// `INT_32`
    public static let int32 = ConvertedType(rawValue: 17)
    /// `INT_64`
    public static let int64 = ConvertedType(rawValue: 18)
    /// `JSON`
    public static let json = ConvertedType(rawValue: 19)
    /// `BSON`
    public static let bson = ConvertedType(rawValue: 20)
    /// `INTERVAL`
    public static let interval = ConvertedType(rawValue: 21)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [ConvertedType] = [
        .utf8, .map, .mapKeyValue, .list, .enum, .decimal, .date, .timeMillis, .timeMicros,
        .timestampMillis, .timestampMicros, .uint8, .uint16, .uint32, .uint64, .int8, .int16,
        .int32, .int64, .json, .bson, .interval,
    ]

    public var description: String {
        switch rawValue {
        case 0: "UTF8"
        case 1: "MAP"
        case 2: "MAP_KEY_VALUE"
        case 3: "LIST"
        case 4: "ENUM"
        case 5: "DECIMAL"
        case 6: "DATE"
        case 7: "TIME_MILLIS"
        case 8: "TIME_MICROS"
        case 9: "TIMESTAMP_MILLIS"
        case 10: "TIMESTAMP_MICROS"
        case 11: "UINT_8"
        case 12: "UINT_16"
        case 13: "UINT_32"
        case 14: "UINT_64"
        case 15: "INT_8"
        case 16: "INT_16"
        case 17: "INT_32"
        case 18: "INT_64"
        case 19: "JSON"
        case 20: "BSON"
        case 21: "INTERVAL"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
