/// Variable-length byte strings stored back to back, Arrow style: value `i` is
/// `bytes[offsets[i]..<offsets[i + 1]]`.
public struct ByteArrayColumn: Hashable, Sendable {
    /// `count + 1` offsets into ``bytes``, starting at 0 and never decreasing.
    public var offsets: [Int]
    /// The concatenated values.
    public var bytes: [UInt8]

    /// An empty column.
    public init() {
        offsets = [0]
        bytes = []
    }

    /// A column from raw parts; `offsets` must start at 0, never decrease and end at `bytes.count`.
    public init(offsets: [Int], bytes: [UInt8]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "offsets must span bytes")
        self.offsets = offsets
        self.bytes = bytes
    }

    /// A column holding `strings` as UTF-8.
    public init<S: Sequence>(strings: S) where S.Element == String {
        self.init()
        for s in strings { append(s) }
    }

    /// The number of values.
    @inline(__always)
    public var count: Int { offsets.count - 1 }

    /// Reserves room for `values` more values of `bytes` more bytes in total.
    public mutating func reserve(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(offsets.count + values)
        bytes.reserveCapacity(bytes.count + byteCount)
    }

    /// Appends one value.
    @inline(__always)
    public mutating func append<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    /// Appends one string as UTF-8.
    @inline(__always)
    public mutating func append(_ value: String) {
        var s = value
        s.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    /// Appends an empty value (the placeholder stored under a null).
    @inline(__always)
    public mutating func appendEmpty() {
        offsets.append(bytes.count)
    }

    /// The bytes of value `i`.
    @inline(__always)
    public subscript(i: Int) -> ArraySlice<UInt8> {
        bytes[offsets[i]..<offsets[i + 1]]
    }

    /// The length of value `i` in bytes.
    @inline(__always)
    public func length(at i: Int) -> Int { offsets[i + 1] - offsets[i] }

    /// Value `i` decoded as UTF-8 (invalid sequences repaired).
    public func string(at i: Int) -> String {
        String(decoding: self[i], as: UTF8.self)
    }
}
