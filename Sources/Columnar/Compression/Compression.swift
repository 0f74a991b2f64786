/// The compression codec a writer applies to data and dictionary pages.
public enum Compression: Hashable, Sendable, CustomStringConvertible {
    /// Pages are stored as they are.
    case uncompressed
    /// Snappy: fast, modest ratio.
    case snappy
    /// GZIP (RFC 1952 deflate) at zlib level 0...9 (-1 means zlib's default, 6).
    case gzip(level: Int)
    /// Zstandard at the given level (1...22; 0 means libzstd's default, negative levels are faster).
    case zstd(level: Int)

    /// The writer's default: ZSTD level 3.
    public static let `default` = Compression.zstd(level: 3)

    /// The CompressionCodec value in parquet.thrift: UNCOMPRESSED=0, SNAPPY=1, GZIP=2, ZSTD=6.
    package var thriftCode: Int32 {
        switch self {
        case .uncompressed: 0
        case .snappy: 1
        case .gzip: 2
        case .zstd: 6
        }
    }

    /// `"UNCOMPRESSED"`, `"SNAPPY"`, `"GZIP(6)"`, `"ZSTD(3)"`.
    public var description: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip(let level): "GZIP(\(level))"
        case .zstd(let level): "ZSTD(\(level))"
        }
    }
}
