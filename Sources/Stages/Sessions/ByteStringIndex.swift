import Columnar

/// A read-only hash index from the distinct values of a ``ByteArrayColumn`` to their row numbers,
/// looked up with a value of another column in place (no `String` is made on either side).
///
/// Open addressing with linear probing at a load factor of at most one half. When a value occurs
/// more than once in the keys, the first row wins.
struct ByteStringIndex: Sendable {
    /// The indexed values.
    let keys: ByteArrayColumn
    private var slots: [Int32]
    private let mask: Int

    /// Indexes every value of `keys`.
    init(_ keys: ByteArrayColumn) {
        self.keys = keys
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: -1, count: capacity)
        for row in 0..<keys.count {
            var slot = Int(truncatingIfNeeded: ByteStrings.hash(keys, row)) & mask
            while true {
                let held = slots[slot]
                if held < 0 {
                    slots[slot] = Int32(row)
                    break
                }
                if ByteStrings.equal(keys, Int(held), keys, row) { break }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The first row of the keys equal to value `i` of `column`, if any.
    @inline(__always)
    func row(of column: ByteArrayColumn, _ i: Int) -> Int? {
        var slot = Int(truncatingIfNeeded: ByteStrings.hash(column, i)) & mask
        while true {
            let held = slots[slot]
            if held < 0 { return nil }
            if ByteStrings.equal(keys, Int(held), column, i) { return Int(held) }
            slot = (slot + 1) & mask
        }
    }

    /// The first row of the keys equal to `value`, if any.
    func row(of value: String) -> Int? {
        row(of: ByteArrayColumn(strings: [value]), 0)
    }
}
