/// Query texts by id, back to back (Arrow style), for building output columns quickly.
struct QueryPool: Sendable {
    /// The concatenated UTF-8 texts.
    var bytes: [UInt8] = []
    /// `count + 1` offsets into ``bytes``.
    var offsets: [Int] = [0]

    /// The number of texts.
    var count: Int { offsets.count - 1 }

    /// Appends a text; returns its id.
    @discardableResult
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        return Int32(count - 1)
    }

    /// The bytes of text `id`.
    @inline(__always)
    subscript(id: Int32) -> ArraySlice<UInt8> { bytes[offsets[Int(id)]..<offsets[Int(id) + 1]] }

    /// Text `id` as a String.
    func string(_ id: Int32) -> String { String(decoding: self[id], as: UTF8.self) }
}
