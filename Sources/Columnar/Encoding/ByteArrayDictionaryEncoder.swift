/// Builds the dictionary of a BYTE_ARRAY column while mapping values to dictionary indices.
///
/// Open addressing with linear probing over a power-of-two number of 8-byte slots (32-bit hash
/// tag + index); a 64-bit multiply-mix hash over 8-byte words; candidates are confirmed by
/// length, then bytes.
package struct ByteArrayDictionaryEncoder {
    /// One slot: the upper 32 bits of the hash and the dictionary index + 1 (0 marks empty).
    private struct Slot {
        var tag: UInt32
        var index: UInt32
    }

    private var slots: [Slot]
    private var hashes: [UInt64] = []
    private var values = ByteArrayColumn()
    private var plainSize = 0
    private let limitBytes: Int
    private var gaveUp = false

    /// An encoder that gives up once the dictionary's PLAIN size (4 + length per entry) would
    /// exceed `limitBytes`.
    package init(limitBytes: Int) {
        self.limitBytes = limitBytes
        slots = Array(repeating: Slot(tag: 0, index: 0), count: 1024)
    }

    /// The distinct values in index order (the dictionary page's contents).
    package var dictionary: ByteArrayColumn { values }

    /// Maps `input` to dictionary indices, adding new values; `nil` once the dictionary is over
    /// the limit (then this and every later call return `nil`, and the dictionary keeps only the
    /// entries earlier pages used). Indices continue across calls.
    package mutating func encode(_ input: ByteArrayColumn) -> [UInt32]? {
        guard !gaveUp else { return nil }
        let n = input.count
        let startCount = values.count
        let startSize = plainSize
        var table = slots
        slots = []
        var dict = values
        values = ByteArrayColumn()
        var dictHashes = hashes
        hashes = []
        var size = plainSize
        let limit = limitBytes
        var overLimit = false
        let indices = input.offsets.withUnsafeBufferPointer { offsets in
            input.bytes.withUnsafeBytes { bytes in
                [UInt32](unsafeUninitializedCapacity: n) { indices, initialized in
                    let base = bytes.baseAddress
                    var i = 0
                    while i < n {
                        if dict.count >= table.count / 4 * 3 { Self.grow(&table, hashes: dictHashes) }
                        let mask = table.count - 1
                        let start = offsets[i]
                        let length = offsets[i + 1] - start
                        let p = base.map { $0 + start }
                        let hash = ByteHash.hash(p, length)
                        let tag = UInt32(truncatingIfNeeded: hash >> 32)
                        var h = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let slot = table[h]
                            if slot.index == 0 {
                                size += 4 + length
                                if size > limit || dict.count >= Int(UInt32.max - 1) {
                                    overLimit = true
                                    break
                                }
                                dict.append(UnsafeRawBufferPointer(start: p, count: length))
                                dictHashes.append(hash)
                                table[h] = Slot(tag: tag, index: UInt32(dict.count))
                                indices[i] = UInt32(dict.count - 1)
                                break
                            }
                            if slot.tag == tag {
                                let index = Int(slot.index) - 1
                                let dictStart = dict.offsets[index]
                                if dict.offsets[index + 1] - dictStart == length,
                                    dict.bytes.withUnsafeBytes({ d in
                                        ByteHash.equal(p, d.baseAddress.map { $0 + dictStart }, length)
                                    })
                                {
                                    indices[i] = UInt32(index)
                                    break
                                }
                            }
                            h = (h + 1) & mask
                        }
                        if overLimit { break }
                        i += 1
                    }
                    initialized = overLimit ? 0 : n
                }
            }
        }
        if overLimit {
            gaveUp = true
            dict.bytes.removeSubrange(dict.offsets[startCount]...)
            dict.offsets.removeSubrange((startCount + 1)...)
            values = dict
            plainSize = startSize
            return nil
        }
        slots = table
        values = dict
        hashes = dictHashes
        plainSize = size
        return indices
    }

    /// Doubles the table and reinserts every entry from its stored hash.
    private static func grow(_ table: inout [Slot], hashes: [UInt64]) {
        table = Array(repeating: Slot(tag: 0, index: 0), count: table.count * 2)
        table.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            for (index, hash) in hashes.enumerated() {
                var h = Int(truncatingIfNeeded: hash) & mask
                while slots[h].index != 0 { h = (h + 1) & mask }
                slots[h] = Slot(tag: UInt32(truncatingIfNeeded: hash >> 32), index: UInt32(index + 1))
            }
        }
    }
}

/// A fast non-cryptographic 64-bit hash for short byte strings: 128-bit multiply folds over
/// 8-byte words, with overlapping loads so every length reads whole words.
enum ByteHash {
    private static let k0: UInt64 = 0xA076_1D64_78BD_642F
    private static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let k2: UInt64 = 0x8EBC_6AF0_9C88_C6E3

    @inline(__always)
    private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always)
    private static func word(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func half(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }

    /// The hash of the `length` bytes at `p` (`nil` only when `length` is 0).
    @inline(__always)
    static func hash(_ pointer: UnsafeRawPointer?, _ length: Int) -> UInt64 {
        var seed = k0 ^ UInt64(length)
        var a: UInt64 = 0
        var b: UInt64 = 0
        guard let p = pointer, length > 0 else { return fold(k1, fold(k1, seed) ^ k2) }
        if length <= 16 {
            if length >= 8 {
                a = word(p, 0)
                b = word(p, length - 8)
            } else if length >= 4 {
                a = half(p, 0)
                b = half(p, length - 4)
            } else {
                let first = UInt64(p.load(fromByteOffset: 0, as: UInt8.self))
                let middle = UInt64(p.load(fromByteOffset: length >> 1, as: UInt8.self))
                let last = UInt64(p.load(fromByteOffset: length - 1, as: UInt8.self))
                a = first << 16 | middle << 8 | last
            }
        } else {
            var offset = 0
            while length - offset > 16 {
                seed = fold(word(p, offset) ^ k1, word(p, offset + 8) ^ seed)
                offset += 16
            }
            a = word(p, length - 16)
            b = word(p, length - 8)
        }
        return fold(k1 ^ UInt64(length), fold(a ^ k1, b ^ seed) ^ k2)
    }

    /// Whether the `length` bytes at `a` and `b` are equal.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer?, _ b: UnsafeRawPointer?, _ length: Int) -> Bool {
        guard length > 0 else { return true }
        guard let a, let b else { return false }
        var offset = 0
        while length - offset >= 8 {
            if word(a, offset) != word(b, offset) { return false }
            offset += 8
        }
        while offset < length {
            if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
            offset += 1
        }
        return true
    }
}
