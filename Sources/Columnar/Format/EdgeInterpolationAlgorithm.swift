/// How edges of GEOGRAPHY values are interpolated (`EdgeInterpolationAlgorithm` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct EdgeInterpolationAlgorithm: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `SPHERICAL`
    public static let spherical = EdgeInterpolationAlgorithm(rawValue: 0)
    /// `VINCENTY`
    public static let vincenty = EdgeInterpolationAlgorithm(rawValue: 1)
    /// `THOMAS`
    public static let thomas = EdgeInterpolationAlgorithm(rawValue: 2)
    /// `ANDOYER`
    public static let andoyer = EdgeInterpolationAlgorithm(rawValue: 3)
    /// `KARNEY`
    public static let karney = EdgeInterpolationAlgorithm(rawValue: 4)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [EdgeInterpolationAlgorithm] = [
        .spherical, .vincenty, .thomas, .andoyer, .karney,
    ]

    public var description: String {
        switch rawValue {
        case 0: "SPHERICAL"
        case 1: "VINCENTY"
        case 2: "THOMAS"
        case 3: "ANDOYER"
        case 4: "KARNEY"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
