/// How often a schema field occurs per parent (`FieldRepetitionType` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct Repetition: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `REQUIRED`
    public static let required = Repetition(rawValue: 0)
    /// `OPTIONAL`
    public static let optional = Repetition(rawValue: 1)
    /// `REPEATED`
    public static let repeated = Repetition(rawValue: 2)
    /// `VECTOR`
    public static let vector = Repetition(rawValue: 3)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [Repetition] = [
        .required, .optional, .repeated, .vector,
    ]

    public var description: String {
        switch rawValue {
        case 0: "REQUIRED"
        case 1: "OPTIONAL"
        case 2: "REPEATED"
        case 3: "VECTOR"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
