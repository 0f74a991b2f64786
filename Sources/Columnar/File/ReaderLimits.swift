/// Bounds the reader applies to sizes and counts found in a file, so that a corrupt or hostile
/// file is refused with an error instead of driving a huge allocation.
public struct ReaderLimits: Sendable {
    /// Most rows a row group may claim. Default 32 Mi (pyarrow writes 1 Mi, DuckDB 122 880).
    public var maxRowsPerRowGroup: Int = 1 << 25
    /// Most level entries (rows plus list elements) a column chunk may claim. Default 128 Mi.
    public var maxValuesPerColumnChunk: Int = 1 << 27
    /// A page may always expand to this many bytes. Default 64 MiB.
    public var maxPlainPageBytes: Int = 64 << 20
    /// Beyond ``maxPlainPageBytes`` a page may expand at most this many times its compressed size.
    public var maxCompressionRatio: Int = 1024
    /// Largest footer accepted. Default 256 MiB.
    public var maxFooterBytes: Int = 256 << 20

    /// Default limits.
    public init() {}

    /// Largest uncompressed size accepted for a page of `compressed` bytes.
    func maxPageBytes(compressed: Int) -> Int {
        max(maxPlainPageBytes, compressed.multipliedReportingOverflow(by: maxCompressionRatio).partialValue)
    }
}
