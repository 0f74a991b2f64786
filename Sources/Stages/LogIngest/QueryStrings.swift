import CSimdJSON

/// The query table of one parser, with each string's canonical form: the id of its normalised text
/// (``QueryText/normalize(_:)``) in the same table. Each distinct string is normalised once, when
/// first seen, so a day's millions of queries cost a table look-up each.
struct QueryStrings: @unchecked Sendable {
    /// The parser's table (owned by the parser).
    let table: OpaquePointer
    /// Per id: the id of its normalised text (itself when already normal).
    private(set) var canonical: [Int32] = []
    /// The id of the empty text (what a blank query normalises to).
    let blank: Int32

    /// Wraps `table` (empty or not).
    init(table: OpaquePointer) {
        self.table = table
        var empty: UInt8 = 0
        blank = aigq_strtab_intern(table, &empty, 0)
        resolveNew()
    }

    /// The number of ids.
    var count: Int { Int(aigq_strtab_count(table)) }

    /// The bytes of `id`.
    func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        var length = 0
        let start = aigq_strtab_bytes(table, id, &length)
        return UnsafeBufferPointer(start: start, count: length)
    }

    /// Normalises the strings added since the last call (interning normal forms that are new).
    mutating func resolveNew() {
        var i = canonical.count
        while i < count {
            if canonical.count <= i { canonical.append(-1) }
            if canonical[i] < 0 {
                let raw = bytes(Int32(i))
                var normal = QueryText.normalize(String(decoding: raw, as: UTF8.self))
                if normal.utf8.elementsEqual(raw) {
                    canonical[i] = Int32(i)
                } else {
                    let c = normal.withUTF8 { aigq_strtab_intern(table, $0.baseAddress, $0.count) }
                    while canonical.count <= Int(c) { canonical.append(-1) }
                    if canonical[Int(c)] < 0 { canonical[Int(c)] = c }
                    canonical[i] = canonical[Int(c)]
                }
            }
            i += 1
        }
    }
}
