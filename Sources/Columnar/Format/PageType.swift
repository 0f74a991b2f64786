/// The kind of a page (`PageType` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct PageType: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `DATA_PAGE`
    public static let dataPage = PageType(rawValue: 0)
    /// `INDEX_PAGE`
    public static let indexPage = PageType(rawValue: 1)
    /// `DICTIONARY_PAGE`
    public static let dictionaryPage = PageType(rawValue: 2)
    /// `DATA_PAGE_V2`
    public static let dataPageV2 = PageType(rawValue: 3)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [PageType] = [
        .dataPage, .indexPage, .dictionaryPage, .dataPageV2,
    ]

    public var description: String {
        switch rawValue {
        case 0: "DATA_PAGE"
        case 1: "INDEX_PAGE"
        case 2: "DICTIONARY_PAGE"
        case 3: "DATA_PAGE_V2"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
