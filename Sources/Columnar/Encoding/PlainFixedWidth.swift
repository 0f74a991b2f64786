/// A fixed-width physical type stored as its little-endian bytes: INT32, INT64, FLOAT, DOUBLE.
///
/// The in-memory layout of a conforming type must be its Parquet PLAIN encoding on a
/// little-endian host, so whole pages are copied with `memcpy`.
package protocol PlainFixedWidth: BitwiseCopyable, Sendable {
    /// The value's bits, zero-extended: a dictionary key (so `-0.0 != 0.0` and NaNs keep their payload).
    var plainBits: UInt64 { get }
    /// The value whose bits are the low `MemoryLayout<Self>.size * 8` bits of `plainBits`.
    init(plainBits: UInt64)
}

extension Int32: PlainFixedWidth {
    @inline(__always) package var plainBits: UInt64 { UInt64(UInt32(bitPattern: self)) }
    @inline(__always) package init(plainBits: UInt64) { self.init(truncatingIfNeeded: plainBits) }
}

extension Int64: PlainFixedWidth {
    @inline(__always) package var plainBits: UInt64 { UInt64(bitPattern: self) }
    @inline(__always) package init(plainBits: UInt64) { self.init(bitPattern: plainBits) }
}

extension Float: PlainFixedWidth {
    @inline(__always) package var plainBits: UInt64 { UInt64(bitPattern) }
    @inline(__always) package init(plainBits: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: plainBits)) }
}

extension Double: PlainFixedWidth {
    @inline(__always) package var plainBits: UInt64 { bitPattern }
    @inline(__always) package init(plainBits: UInt64) { self.init(bitPattern: plainBits) }
}
