/// A read-only hash index from int64 keys to their row numbers (the first row of a repeated key):
/// open addressing, linear probing, load factor at most one half. Faster than `Dictionary` for the
/// per-event lookups of the sessions stage (items by id, profiles by user).
struct Int64Index: Sendable {
    /// A key and its row side by side, so a probe touches one cache line.
    private struct Slot: Sendable {
        var key: Int64
        var row: Int32
    }

    private var slots: [Slot]
    private let mask: Int

    /// Indexes `values` (row `i` holds `values[i]`).
    init(_ values: [Int64]) {
        var capacity = 16
        while capacity < values.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = Array(repeating: Slot(key: 0, row: -1), count: capacity)
        for (row, key) in values.enumerated() {
            var slot = Self.slot(key, mask)
            while slots[slot].row >= 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            if slots[slot].row < 0 { slots[slot] = Slot(key: key, row: Int32(row)) }
        }
    }

    /// The first row holding `key`, if any.
    @inline(__always)
    func row(of key: Int64) -> Int? {
        var slot = Self.slot(key, mask)
        while true {
            let held = slots[slot]
            if held.row < 0 { return nil }
            if held.key == key { return Int(held.row) }
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
