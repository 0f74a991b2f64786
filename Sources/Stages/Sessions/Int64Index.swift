/// A read-only hash index from int64 keys to their row numbers (the first row of a repeated key):
/// open addressing, linear probing, load factor at most one half. Faster than `Dictionary` for the
/// per-event lookups of the sessions stage (items by id, profiles by user).
struct Int64Index: Sendable {
    private var keys: [Int64]
    private var rows: [Int32]
    private let mask: Int

    /// Indexes `values` (row `i` holds `values[i]`).
    init(_ values: [Int64]) {
        var capacity = 16
        while capacity < values.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = Array(repeating: 0, count: capacity)
        rows = Array(repeating: -1, count: capacity)
        for (row, key) in values.enumerated() {
            var slot = Self.slot(key, mask)
            while rows[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if rows[slot] < 0 {
                keys[slot] = key
                rows[slot] = Int32(row)
            }
        }
    }

    /// The first row holding `key`, if any.
    @inline(__always)
    func row(of key: Int64) -> Int? {
        var slot = Self.slot(key, mask)
        while true {
            let row = rows[slot]
            if row < 0 { return nil }
            if keys[slot] == key { return Int(row) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        var z = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 29
        return Int(truncatingIfNeeded: z) & mask
    }
}
