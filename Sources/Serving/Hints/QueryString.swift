/// The parameters of a URL query string (`user=42&n=10&recent=search%3A%E5%B8%90,item%3A7`), read
/// from its UTF-8 bytes: split on `&` and the first `=`, names and values still percent-encoded. A
/// list parameter is split on its literal commas first and each item decoded after, so `%2C` stays
/// inside an item.
struct QueryString {
    /// One `name=value` pair, as ranges of the bytes (both still encoded).
    struct Pair {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// The bytes.
    let bytes: UnsafeBufferPointer<UInt8>

    /// The pairs, in order; empty pieces (`a=1&&b=2`) are skipped.
    var pairs: [Pair] {
        var pairs: [Pair] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x26 { end += 1 }  // &
            if end > start {
                var equals = start
                while equals < end, bytes[equals] != 0x3D { equals += 1 }  // =
                pairs.append(Pair(name: start..<equals, value: min(equals + 1, end)..<end))
            }
            start = end + 1
        }
        return pairs
    }

    /// Whether the bytes of `range` are exactly `literal` (ASCII).
    func matches(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        for i in 0..<range.count where bytes[range.lowerBound + i] != literal.utf8Start[i] { return false }
        return true
    }

    /// The ranges of `range` between its commas (empty items kept).
    func items(_ range: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == 0x2C {  // ,
            items.append(start..<i)
            start = i + 1
        }
        items.append(start..<range.upperBound)
        return items
    }

    /// The value of `range` as a non-negative decimal integer, when it is only digits (no escapes).
    func integer(_ range: Range<Int>) -> Int64? {
        guard !range.isEmpty, range.count <= 19 else { return nil }
        var value: Int64 = 0
        for i in range {
            let digit = bytes[i] &- 0x30
            guard digit <= 9 else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(Int64(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The bytes of `range` with `%XX` escapes decoded and `+` read as a space (HTML forms write
    /// spaces so); `nil` when an escape is malformed or the bytes are not UTF-8.
    func decode(_ range: Range<Int>) -> String? {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        guard raw.contains(where: { $0 == 0x25 || $0 == 0x2B }) else { return String(validating: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x2B: out.append(0x20)
            case 0x25:
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
                out.append(high << 4 | low)
            default: out.append(byte)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// The bytes of `range` decoded for an error message (undecodable bytes replaced).
    func text(_ range: Range<Int>) -> String {
        decode(range) ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
