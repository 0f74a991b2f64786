/// The parameters of a URL query string (`user=42&n=10&recent=search%3A%E5%B8%90,item%3A7`), split on
/// `&` and the first `=`, names and values still percent-encoded: a list parameter is split on its
/// literal commas first and each item decoded after, so `%2C` stays inside an item.
struct QueryString {
    /// One `name=value` pair, both still encoded.
    struct Pair {
        var name: Substring
        var value: Substring
    }

    /// The pairs, in order; empty pieces (`a=1&&b=2`) are skipped.
    var pairs: [Pair]

    /// Splits `text` (the part of the URL after `?`, without `#…`).
    init(_ text: Substring) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            if let equals = piece.firstIndex(of: "=") {
                return Pair(name: piece[..<equals], value: piece[piece.index(after: equals)...])
            }
            return Pair(name: piece, value: piece[piece.endIndex...])
        }
    }

    /// `text` with `%XX` escapes decoded and `+` read as a space (HTML forms write spaces so);
    /// `nil` when an escape is malformed or the bytes are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        guard text.utf8.contains(where: { $0 == 0x25 || $0 == 0x2B }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x2B: bytes.append(0x20)
            case 0x25:
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
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
