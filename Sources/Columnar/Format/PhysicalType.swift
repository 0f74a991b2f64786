/// The physical storage type of a column (`Type` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct PhysicalType: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `BOOLEAN`
    public static let boolean = PhysicalType(rawValue: 0)
    /// `INT32`
    public static let int32 = PhysicalType(rawValue: 1)
    /// `INT64`
    public static let int64 = PhysicalType(rawValue: 2)
    /// `INT96`
    public static let int96 = PhysicalType(rawValue: 3)
    /// `FLOAT`
    public static let float = PhysicalType(rawValue: 4)
    /// `DOUBLE`
    public static let double = PhysicalType(rawValue: 5)
    /// `BYTE_ARRAY`
    public static let byteArray = PhysicalType(rawValue: 6)
    /// `FIXED_LEN_BYTE_ARRAY`
    public static let fixedLenByteArray = PhysicalType(rawValue: 7)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [PhysicalType] = [
        .boolean, .int32, .int64, .int96, .float, .double, .byteArray, .fixedLenByteArray,
    ]

    public var description: String {
        switch rawValue {
        case 0: "BOOLEAN"
        case 1: "INT32"
        case 2: "INT64"
        case 3: "INT96"
        case 4: "FLOAT"
        case 5: "DOUBLE"
        case 6: "BYTE_ARRAY"
        case 7: "FIXED_LEN_BYTE_ARRAY"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
