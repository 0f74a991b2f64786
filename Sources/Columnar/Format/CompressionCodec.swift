/// A page compression codec (`CompressionCodec` in parquet.thrift).
///
/// A struct over the wire value rather than a Swift enum, so values added to the format later
/// survive decoding; ``description`` prints the IDL name or `UNKNOWN(n)`.
public struct CompressionCodec: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ThriftEnum {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `UNCOMPRESSED`
    public static let uncompressed = CompressionCodec(rawValue: 0)
    /// `SNAPPY`
    public static let snappy = CompressionCodec(rawValue: 1)
    /// `GZIP`
    public static let gzip = CompressionCodec(rawValue: 2)
    /// `LZO`
    public static let lzo = CompressionCodec(rawValue: 3)
    /// `BROTLI`
    public static let brotli = CompressionCodec(rawValue: 4)
    /// `LZ4`
    public static let lz4 = CompressionCodec(rawValue: 5)
    /// `ZSTD`
    public static let zstd = CompressionCodec(rawValue: 6)
    /// `LZ4_RAW`
    public static let lz4Raw = CompressionCodec(rawValue: 7)

    /// Every value the IDL defines, in wire order.
    public static let allKnown: [CompressionCodec] = [
        .uncompressed, .snappy, .gzip, .lzo, .brotli, .lz4, .zstd, .lz4Raw,
    ]

    public var description: String {
        switch rawValue {
        case 0: "UNCOMPRESSED"
        case 1: "SNAPPY"
        case 2: "GZIP"
        case 3: "LZO"
        case 4: "BROTLI"
        case 5: "LZ4"
        case 6: "ZSTD"
        case 7: "LZ4_RAW"
        default: "UNKNOWN(\(rawValue))"
        }
    }
}
