import Columnar

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

extension QueryPool {
    /// A pool of `texts` (ids in order).
    init(texts: [String]) {
        self.init()
        for var text in texts { _ = text.withUTF8 { append($0) } }
    }

    /// The texts of `ids` as one column (a negative id gives an empty value), copied with memcpy.
    func column<S: Sequence>(_ ids: S, count n: Int) -> ByteArrayColumn where S.Element: BinaryInteger {
        offsets.withUnsafeBufferPointer { offs in
            var total = 0
            for id in ids where id >= 0 { total += offs[Int(id) + 1] - offs[Int(id)] }
            var outOffsets = [Int]()
            outOffsets.reserveCapacity(n + 1)
            outOffsets.append(0)
            let outBytes = [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
                bytes.withUnsafeBufferPointer { src in
                    var at = 0
                    for id in ids {
                        if id >= 0 {
                            let a = offs[Int(id)], len = offs[Int(id) + 1] - a
                            if len > 0 { (out.baseAddress! + at).update(from: src.baseAddress! + a, count: len) }
                            at += len
                        }
                        outOffsets.append(at)
                    }
                }
                initialized = total
            }
            return ByteArrayColumn(offsets: outOffsets, bytes: outBytes)
        }
    }
}
