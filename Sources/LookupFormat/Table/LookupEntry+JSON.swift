import Foundation

/// The stored form of a list: a JSON array `[{"query":"…","score":1.5}, …]`, best first, written by
/// hand so that the same list always gives the same bytes, and read by a parser for exactly that
/// form (with Foundation's decoder as the fallback for any other valid JSON).
extension LookupEntry {
    /// The JSON text of `entries`; throws for a score that is not finite.
    static func json(_ entries: [LookupEntry], key: String) throws -> String {
        var out: [UInt8] = [0x5B]  // [
        out.reserveCapacity(16 + entries.count * 48)
        for (index, entry) in entries.enumerated() {
            guard entry.score.isFinite else {
                throw LookupError(.invalidArgument, "key '\(key)': the score of '\(entry.query)' is \(entry.score); scores must be finite")
            }
            if index > 0 { out.append(0x2C) }
            out.append(contentsOf: #"{"query":""#.utf8)
            appendJSONEscaped(entry.query, to: &out)
            out.append(contentsOf: #"","score":"#.utf8)
            out.append(contentsOf: entry.score.description.utf8)
            out.append(0x7D)  // }
        }
        out.append(0x5D)  // ]
        return String(decoding: out, as: UTF8.self)
    }

    /// The entries of a stored JSON list.
    static func entries(json: String, key: String, path: String) throws -> [LookupEntry] {
        var text = json
        if let entries = text.withUTF8({ bytes in
            var parser = StoredListParser(bytes: bytes)
            return parser.parse()
        }) { return entries }
        do {
            return try JSONDecoder().decode([LookupEntry].self, from: Data(json.utf8))
        } catch {
            throw LookupError(.broken, "'\(path)': the list of key '\(key)' is not valid JSON (\(error)); rebuild the table")
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the body of `text` as a JSON string (no quotes), as stored lists write it: `"` and `\`
    /// escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`, everything else as its UTF-8
    /// bytes. The server writes its answers with it too.
    public static func appendJSONEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])  // \"
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])  // \\
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])  // \n
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])  // \r
            case 0x09: out.append(contentsOf: [0x5C, 0x74])  // \t
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
    }
}

/// Parses exactly what ``LookupEntry/json(_:key:)`` writes; `nil` for anything else.
private struct StoredListParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parse() -> [LookupEntry]? {
        guard take(0x5B) else { return nil }
        var entries: [LookupEntry] = []
        if take(0x5D) { return index == bytes.count ? entries : nil }
        repeat {
            guard take(literal: #"{"query":""#), let query = string(),
                take(literal: #","score":"#), let score = number(), take(0x7D)
            else { return nil }
            entries.append(LookupEntry(query: query, score: score))
        } while take(0x2C)
        return take(0x5D) && index == bytes.count ? entries : nil
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func take(literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count,
            memcmp(bytes.baseAddress! + index, literal.utf8Start, count) == 0
        else { return false }
        index += count
        return true
    }

    /// The rest of a string whose opening quote was taken, up to and including the closing quote.
    private mutating func string() -> String? {
        let start = index
        while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x22 {
            defer { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: return String(decoding: out, as: UTF8.self)
            case 0x5C:
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case 0x22, 0x5C, 0x2F: out.append(escaped)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x75:
                    guard index + 4 <= bytes.count,
                        let value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + 4]), as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(value)
                    else { return nil }  // surrogate pairs: left to the fallback decoder
                    index += 4
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            default: out.append(byte)
            }
        }
        return nil
    }

    private mutating func number() -> Double? {
        let start = index
        while index < bytes.count, bytes[index] != 0x7D { index += 1 }
        guard index > start else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }
}
