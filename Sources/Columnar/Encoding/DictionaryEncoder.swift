/// Builds the dictionary of a fixed-width column while mapping values to dictionary indices
/// (RLE_DICTIONARY data pages, PLAIN dictionary page).
///
/// Keys are compared by bit pattern, so `-0.0` and `0.0` are different entries and each NaN
/// payload keeps its own. The table is open addressing with linear probing over a power-of-two
/// number of slots, hashed by a multiplicative (Fibonacci) hash of the bits.
package struct DictionaryEncoder<T: PlainFixedWidth> {
    /// One slot: the key's bits and its dictionary index + 1 (0 marks an empty slot).
    private struct Slot {
        var key: UInt64
        var index: UInt32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private var values: [T] = []
    private let limitBytes: Int
    private var gaveUp = false

    /// An encoder that gives up once the dictionary's PLAIN size would exceed `limitBytes`.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package init(limitBytes: Int) {
        self.limitBytes = limitBytes
        slots = Array(repeating: Slot(key: 0, index: 0), count: 1024)
        shift = 64 - 10
    }

    /// The distinct values in index order (the dictionary page's contents).
    package var dictionary: [T] { values }

    /// Maps `input` to dictionary indices, adding new values; `nil` once the dictionary is over
    /// the limit (then this and every later call return `nil`, and the dictionary keeps only the
    /// entries earlier pages used). Indices continue across calls.
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    package mutating func encode(_ input: UnsafeBufferPointer<T>) -> [UInt32]? {
        guard !gaveUp else { return nil }
        let n = input.count
        let size = MemoryLayout<T>.size
        let maxEntries = min(limitBytes / size, Int(UInt32.max - 1))
        let startCount = values.count
        var table = slots
        slots = []
        var dict = values
        values = []
        var shift = self.shift
        var overLimit = false
        let indices = [UInt32](unsafeUninitializedCapacity: n) { indices, initialized in
            var i = 0
            var lastKey = input.isEmpty ? 0 : ~input[0].plainBits
            var lastIndex: UInt32 = 0
            while i < n && !overLimit {
                let growAt = table.count / 4 * 3
                if dict.count >= growAt { Self.grow(&table, &shift) }
                i = table.withUnsafeMutableBufferPointer { slots -> Int in
                    let mask = slots.count - 1
                    var i = i
                    while i < n {
                        let key = input[i].plainBits
                        if key == lastKey {
                            indices[i] = lastIndex
                            i += 1
                            continue
                        }
                        var h = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
                        while true {
                            let slot = slots[h]
                            if slot.index == 0 {
                                if dict.count >= growAt { return i }
                                if dict.count >= maxEntries {
                                    overLimit = true
                                    return i
                                }
                                dict.append(input[i])
                                slots[h] = Slot(key: key, index: UInt32(dict.count))
                                lastIndex = UInt32(dict.count - 1)
                                break
                            }
                            if slot.key == key {
                                lastIndex = slot.index - 1
                                break
                            }
                            h = (h + 1) & mask
                        }
                        lastKey = key
                        indices[i] = lastIndex
                        i += 1
                    }
                    return i
                }
            }
            initialized = overLimit ? 0 : n
        }
        if overLimit {
            gaveUp = true
            dict.removeSubrange(startCount...)
            values = dict
            return nil
        }
        slots = table
        values = dict
        self.shift = shift
        return indices
    }

    /// Doubles the table and reinserts every entry.
    private static func grow(_ table: inout [Slot], _ shift: inout UInt64) {
        let old = table
        table = Array(repeating: Slot(key: 0, index: 0), count: old.count * 2)
        shift -= 1
        let s = shift
        table.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            for slot in old where slot.index != 0 {
                var h = Int(truncatingIfNeeded: (slot.key &* 0x9E37_79B9_7F4A_7C15) &>> s)
                while slots[h].index != 0 { h = (h + 1) & mask }
                slots[h] = slot
            }
        }
    }
}
