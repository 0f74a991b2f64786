/// A Parquet page compression codec.
///
/// Instances hold native contexts and are NOT shared between threads: make one per column
/// writer/reader (``Codecs/make(_:)`` or ``Codecs/make(thriftCode:)``).
package protocol PageCodec: AnyObject {
    /// Appends the compressed form of `input` to `output`.
    func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws
    /// Decompresses `input`, which must expand to exactly `uncompressedSize` bytes.
    func decompress(_ input: UnsafeRawBufferPointer, uncompressedSize: Int) throws -> [UInt8]
}
