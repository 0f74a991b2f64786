/// Whether a column index's min/max lists are ordered (`BoundaryOrder` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct BoundaryOrder: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UNORDERED`
    public static let unordered = BoundaryOrder(rawValue: 0)
    /// `ASCENDING`
    public static let ascending = BoundaryOrder(rawValue: 1)
    /// `DESCENDING`
    public static let descending = BoundaryOrder(rawValue: 2)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [BoundaryOrder] = [
        .unordered, .ascending, .descending,
    ]

    public var description: String {
        switch rawValue {
        case 0: "UNORDERED"
        case 1: "ASCENDING"
        case 2: "DESCENDING"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
