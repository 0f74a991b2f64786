/// How a column's values are encoded in data pages.
public enum ColumnEncoding: Hashable, Sendable {
    /// Dictionary (RLE_DICTIONARY) where it pays, DELTA_BINARY_PACKED for timestamps, dates and
    /// non-decreasing integers, PLAIN otherwise.
    case auto
    /// PLAIN.
    case plain
    /// RLE_DICTIONARY with a PLAIN dictionary page; falls back to PLAIN when the dictionary outgrows
    /// ``WriterOptions/dictionaryLimitBytes``.
    case dictionary
    /// DELTA_BINARY_PACKED (int32 and int64 columns only).
    case deltaBinaryPacked
}

/// Options of ``ParquetFileWriter``. The defaults follow pyarrow's where they matter for size.
public struct WriterOptions: Sendable {
    /// Page compression. Default ZSTD level 3.
    public var compression: Compression = .default
    /// Rows per row group (a larger batch is split). Default 1 Mi rows.
    public var rowGroupRows: Int = 1 << 20
    /// Target uncompressed size of a data page. Default 1 MiB.
    public var pageBytes: Int = 1 << 20
    /// Upper bound on rows per data page. Default 20 000.
    public var pageRows: Int = 20_000
    /// Whether ``ColumnEncoding/auto`` may use dictionaries. Default true.
    public var dictionary: Bool = true
    /// Largest PLAIN-encoded dictionary before falling back to PLAIN. Default 1 MiB.
    public var dictionaryLimitBytes: Int = 1 << 20
    /// Per-column encodings by column name; unnamed columns use ``ColumnEncoding/auto``.
    public var columnEncodings: [String: ColumnEncoding] = [:]
    /// Whether to write min/max/null-count statistics per column chunk. Default true.
    public var statistics: Bool = true
    /// Key-value metadata stored in the footer (written sorted by key, so output is deterministic).
    public var keyValueMetadata: [String: String] = [:]
    /// The footer's `created_by`.
    public var createdBy: String = "aigq version 0.1.0 (build columnar)"
    /// Threads used to encode a row group's columns in parallel. Default 1.
    public var threads: Int = 1

    /// Default options.
    public init() {}

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard rowGroupRows >= 1 else { throw ColumnarError.invalidArgument("rowGroupRows is \(rowGroupRows); it must be at least 1") }
        guard pageBytes >= 1 else { throw ColumnarError.invalidArgument("pageBytes is \(pageBytes); it must be at least 1") }
        guard pageRows >= 1 else { throw ColumnarError.invalidArgument("pageRows is \(pageRows); it must be at least 1") }
        guard threads >= 1 else { throw ColumnarError.invalidArgument("threads is \(threads); it must be at least 1") }
        if case .zstd(let level) = compression, !(-7...22).contains(level) {
            throw ColumnarError.invalidArgument("zstd level \(level) is out of range; use -7…22 (3 is the default)")
        }
    }
}
