/// Little-endian bit packing shared by the RLE/bit-packed hybrid and DELTA_BINARY_PACKED.
///
/// Values are packed from the least significant bit of each byte upwards, each value's own bits
/// in the usual order (Encodings.md, "Run Length Encoding / Bit-Packing Hybrid", note 1):
/// ```
/// dec value: 0   1   2   3   4   5   6   7
/// bit value: 000 001 010 011 100 101 110 111
/// bit label: ABC DEF GHI JKL MNO PQR STU VWX
/// packed:    10001000 11000110 11111010
///            HIDEFABC RMNOJKLG VWXSTUPQ
/// ```
/// A group of 8 values of width `w` fills exactly `w` bytes. Unpacking loads 64 bits per value
/// (one unaligned load, a shift and a mask) with the width a compile-time constant per case;
/// the last groups, whose loads would run past the readable bytes, go through a zeroed copy.
enum BitPacking {
    // MARK: Unpacking

    /// Unpacks `groups * 8` values of `bitWidth` (0...32) bits into `out`.
    ///
    /// Reads only the first `available` bytes at `source`; bits past them count as zeros.
    @inline(__always)
    static func unpack32(
        _ source: UnsafeRawPointer, available: Int, bitWidth: Int, groups: Int,
        into out: UnsafeMutablePointer<UInt32>
    ) {
        guard groups > 0 else { return }
        guard bitWidth > 0 else {
            out.update(repeating: 0, count: groups * 8)
            return
        }
        let fast = min(groups, max(0, (available - 8) / bitWidth))
        if fast > 0 { unpackFast32(source, bitWidth: bitWidth, groups: fast, into: out) }
        guard fast < groups else { return }
        withUnsafeTemporaryAllocation(byteCount: 48, alignment: 8) { scratch in
            guard let tmp = scratch.baseAddress else { return }
            for g in fast..<groups {
                let offset = g * bitWidth
                tmp.initializeMemory(as: UInt8.self, repeating: 0, count: 48)
                let n = min(bitWidth, max(0, available - offset))
                if n > 0 { tmp.copyMemory(from: source + offset, byteCount: n) }
                unpackFast32(UnsafeRawPointer(tmp), bitWidth: bitWidth, groups: 1, into: out + g * 8)
            }
        }
    }

    /// Unpacks `groups * 8` values of `bitWidth` (0...64) bits into `out`.
    ///
    /// Reads only the first `available` bytes at `source`; bits past them count as zeros.
    @inline(__always)
    static func unpack64(
        _ source: UnsafeRawPointer, available: Int, bitWidth: Int, groups: Int,
        into out: UnsafeMutablePointer<UInt64>
    ) {
        guard groups > 0 else { return }
        guard bitWidth > 0 else {
            out.update(repeating: 0, count: groups * 8)
            return
        }
        let fast = min(groups, max(0, (available - 8) / bitWidth))
        if fast > 0 { unpackFast64(source, bitWidth: bitWidth, groups: fast, into: out) }
        guard fast < groups else { return }
        withUnsafeTemporaryAllocation(byteCount: 80, alignment: 8) { scratch in
            guard let tmp = scratch.baseAddress else { return }
            for g in fast..<groups {
                let offset = g * bitWidth
                tmp.initializeMemory(as: UInt8.self, repeating: 0, count: 80)
                let n = min(bitWidth, max(0, available - offset))
                if n > 0 { tmp.copyMemory(from: source + offset, byteCount: n) }
                unpackFast64(UnsafeRawPointer(tmp), bitWidth: bitWidth, groups: 1, into: out + g * 8)
            }
        }
    }

    /// Requires `groups * bitWidth + 8` readable bytes.
    private static func unpackFast32(
        _ source: UnsafeRawPointer, bitWidth: Int, groups: Int, into out: UnsafeMutablePointer<UInt32>
    ) {
        switch bitWidth {
        case 1: unpackGroups32(source, out, groups, 1)
        case 2: unpackGroups32(source, out, groups, 2)
        case 3: unpackGroups32(source, out, groups, 3)
        case 4: unpackGroups32(source, out, groups, 4)
        case 5: unpackGroups32(source, out, groups, 5)
        case 6: unpackGroups32(source, out, groups, 6)
        case 7: unpackGroups32(source, out, groups, 7)
        case 8: unpackGroups32(source, out, groups, 8)
        case 9: unpackGroups32(source, out, groups, 9)
        case 10: unpackGroups32(source, out, groups, 10)
        case 11: unpackGroups32(source, out, groups, 11)
        case 12: unpackGroups32(source, out, groups, 12)
        case 13: unpackGroups32(source, out, groups, 13)
        case 14: unpackGroups32(source, out, groups, 14)
        case 15: unpackGroups32(source, out, groups, 15)
        case 16: unpackGroups32(source, out, groups, 16)
        case 17: unpackGroups32(source, out, groups, 17)
        case 18: unpackGroups32(source, out, groups, 18)
        case 19: unpackGroups32(source, out, groups, 19)
        case 20: unpackGroups32(source, out, groups, 20)
        case 21: unpackGroups32(source, out, groups, 21)
        case 22: unpackGroups32(source, out, groups, 22)
        case 23: unpackGroups32(source, out, groups, 23)
        case 24: unpackGroups32(source, out, groups, 24)
        case 25: unpackGroups32(source, out, groups, 25)
        case 26: unpackGroups32(source, out, groups, 26)
        case 27: unpackGroups32(source, out, groups, 27)
        case 28: unpackGroups32(source, out, groups, 28)
        case 29: unpackGroups32(source, out, groups, 29)
        case 30: unpackGroups32(source, out, groups, 30)
        case 31: unpackGroups32(source, out, groups, 31)
        case 32: unpackGroups32(source, out, groups, 32)
        default: preconditionFailure("bit width \(bitWidth) outside 1...32")
        }
    }

    /// Requires `groups * bitWidth + 8` readable bytes.
    private static func unpackFast64(
        _ source: UnsafeRawPointer, bitWidth: Int, groups: Int, into out: UnsafeMutablePointer<UInt64>
    ) {
        switch bitWidth {
        case 1: unpackGroups64(source, out, groups, 1)
        case 2: unpackGroups64(source, out, groups, 2)
        case 3: unpackGroups64(source, out, groups, 3)
        case 4: unpackGroups64(source, out, groups, 4)
        case 5: unpackGroups64(source, out, groups, 5)
        case 6: unpackGroups64(source, out, groups, 6)
        case 7: unpackGroups64(source, out, groups, 7)
        case 8: unpackGroups64(source, out, groups, 8)
        case 9: unpackGroups64(source, out, groups, 9)
        case 10: unpackGroups64(source, out, groups, 10)
        case 11: unpackGroups64(source, out, groups, 11)
        case 12: unpackGroups64(source, out, groups, 12)
        case 13: unpackGroups64(source, out, groups, 13)
        case 14: unpackGroups64(source, out, groups, 14)
        case 15: unpackGroups64(source, out, groups, 15)
        case 16: unpackGroups64(source, out, groups, 16)
        case 17: unpackGroups64(source, out, groups, 17)
        case 18: unpackGroups64(source, out, groups, 18)
        case 19: unpackGroups64(source, out, groups, 19)
        case 20: unpackGroups64(source, out, groups, 20)
        case 21: unpackGroups64(source, out, groups, 21)
        case 22: unpackGroups64(source, out, groups, 22)
        case 23: unpackGroups64(source, out, groups, 23)
        case 24: unpackGroups64(source, out, groups, 24)
        case 25: unpackGroups64(source, out, groups, 25)
        case 26: unpackGroups64(source, out, groups, 26)
        case 27: unpackGroups64(source, out, groups, 27)
        case 28: unpackGroups64(source, out, groups, 28)
        case 29: unpackGroups64(source, out, groups, 29)
        case 30: unpackGroups64(source, out, groups, 30)
        case 31: unpackGroups64(source, out, groups, 31)
        case 32: unpackGroups64(source, out, groups, 32)
        case 33: unpackGroups64(source, out, groups, 33)
        case 34: unpackGroups64(source, out, groups, 34)
        case 35: unpackGroups64(source, out, groups, 35)
        case 36: unpackGroups64(source, out, groups, 36)
        case 37: unpackGroups64(source, out, groups, 37)
        case 38: unpackGroups64(source, out, groups, 38)
        case 39: unpackGroups64(source, out, groups, 39)
        case 40: unpackGroups64(source, out, groups, 40)
        case 41: unpackGroups64(source, out, groups, 41)
        case 42: unpackGroups64(source, out, groups, 42)
        case 43: unpackGroups64(source, out, groups, 43)
        case 44: unpackGroups64(source, out, groups, 44)
        case 45: unpackGroups64(source, out, groups, 45)
        case 46: unpackGroups64(source, out, groups, 46)
        case 47: unpackGroups64(source, out, groups, 47)
        case 48: unpackGroups64(source, out, groups, 48)
        case 49: unpackGroups64(source, out, groups, 49)
        case 50: unpackGroups64(source, out, groups, 50)
        case 51: unpackGroups64(source, out, groups, 51)
        case 52: unpackGroups64(source, out, groups, 52)
        case 53: unpackGroups64(source, out, groups, 53)
        case 54: unpackGroups64(source, out, groups, 54)
        case 55: unpackGroups64(source, out, groups, 55)
        case 56: unpackGroups64(source, out, groups, 56)
        case 57: unpackGroups64(source, out, groups, 57)
        case 58: unpackGroups64(source, out, groups, 58)
        case 59: unpackGroups64(source, out, groups, 59)
        case 60: unpackGroups64(source, out, groups, 60)
        case 61: unpackGroups64(source, out, groups, 61)
        case 62: unpackGroups64(source, out, groups, 62)
        case 63: unpackGroups64(source, out, groups, 63)
        case 64: unpackGroups64(source, out, groups, 64)
        default: preconditionFailure("bit width \(bitWidth) outside 1...64")
        }
    }

    @inline(__always)
    private static func unpackGroups32(
        _ source: UnsafeRawPointer, _ out: UnsafeMutablePointer<UInt32>, _ groups: Int, _ w: Int
    ) {
        let mask = (UInt64(1) &<< UInt64(w)) &- 1
        var src = source
        var dst = out
        for _ in 0..<groups {
            for i in 0..<8 {
                let bit = i * w
                let word = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self))
                dst[i] = UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
            }
            src += w
            dst += 8
        }
    }

    @inline(__always)
    private static func unpackGroups64(
        _ source: UnsafeRawPointer, _ out: UnsafeMutablePointer<UInt64>, _ groups: Int, _ w: Int
    ) {
        let mask: UInt64 = w == 64 ? .max : (UInt64(1) &<< UInt64(w)) &- 1
        var src = source
        var dst = out
        for _ in 0..<groups {
            for i in 0..<8 {
                let bit = i * w
                let byte = bit >> 3
                let shift = bit & 7
                var value = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
                    &>> UInt64(shift)
                if shift + w > 64 {
                    value |= UInt64(src.load(fromByteOffset: byte + 8, as: UInt8.self)) &<< UInt64(64 - shift)
                }
                dst[i] = value & mask
            }
            src += w
            dst += 8
        }
    }

    // MARK: Packing

    /// Packs `count` (a multiple of 8) values of `bitWidth` (0...32) bits, writing exactly
    /// `count * bitWidth / 8` bytes at `out`. Bits above `bitWidth` are ignored.
    static func pack32(
        _ values: UnsafePointer<UInt32>, count: Int, bitWidth: Int, into out: UnsafeMutableRawPointer
    ) {
        guard bitWidth > 0 else { return }
        let mask = (UInt64(1) &<< UInt64(bitWidth)) &- 1
        var acc: UInt64 = 0
        var bits = 0
        var dst = out
        for i in 0..<count {
            acc |= (UInt64(values[i]) & mask) &<< UInt64(bits)
            bits += bitWidth
            if bits >= 32 {
                dst.storeBytes(of: UInt32(truncatingIfNeeded: acc).littleEndian, as: UInt32.self)
                dst += 4
                acc &>>= 32
                bits -= 32
            }
        }
        while bits > 0 {
            dst.storeBytes(of: UInt8(truncatingIfNeeded: acc), as: UInt8.self)
            dst += 1
            acc &>>= 8
            bits -= 8
        }
    }

    /// Packs `count` (a multiple of 8) values of `bitWidth` (0...64) bits, writing exactly
    /// `count * bitWidth / 8` bytes at `out`. Bits above `bitWidth` are ignored.
    static func pack64(
        _ values: UnsafePointer<UInt64>, count: Int, bitWidth: Int, into out: UnsafeMutableRawPointer
    ) {
        guard bitWidth > 0 else { return }
        let mask: UInt64 = bitWidth == 64 ? .max : (UInt64(1) &<< UInt64(bitWidth)) &- 1
        var acc: UInt64 = 0
        var bits = 0
        var dst = out
        for i in 0..<count {
            let value = values[i] & mask
            acc |= value &<< UInt64(bits)
            let total = bits + bitWidth
            if total >= 64 {
                dst.storeBytes(of: acc.littleEndian, as: UInt64.self)
                dst += 8
                acc = bits == 0 ? 0 : value &>> UInt64(64 - bits)
                bits = total - 64
            } else {
                bits = total
            }
        }
        while bits > 0 {
            dst.storeBytes(of: UInt8(truncatingIfNeeded: acc), as: UInt8.self)
            dst += 1
            acc &>>= 8
            bits -= 8
        }
    }

    /// The number of bits needed to represent `value` (0 for 0).
    @inline(__always)
    static func width(of value: UInt64) -> Int { 64 - value.leadingZeroBitCount }
}
