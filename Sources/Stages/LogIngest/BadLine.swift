/// One quarantined line: where it was, its text (at most 4 KiB) and why it was refused.
struct BadLine: Sendable {
    /// The file, relative to the raw folder's day (`part-1.jsonl`) or `dims/users.jsonl`.
    var file: String
    /// 1-based line number.
    var line: Int64
    /// The line's text, truncated to ``maxRawBytes`` on a UTF-8 boundary (invalid bytes repaired).
    var raw: String
    /// Why, naming the field.
    var reason: String

    /// The most bytes of a line kept.
    static let maxRawBytes = 4096

    /// A bad line whose raw bytes are `bytes`.
    init(file: String, line: Int64, bytes: UnsafeBufferPointer<UInt8>, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
        raw = Self.truncated(bytes)
    }

    /// `bytes` as text of at most ``maxRawBytes`` bytes, cut on a character boundary.
    static func truncated(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var cut = min(bytes.count, maxRawBytes)
        while cut < bytes.count && cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self)
        if text.utf8.count > maxRawBytes {  // repaired invalid bytes grew it: cut the repaired text
            var kept = ""
            for scalar in text.unicodeScalars {
                if kept.utf8.count + UTF8.width(scalar) > maxRawBytes { break }
                kept.unicodeScalars.append(scalar)
            }
            text = kept
        }
        return text
    }

    /// The reason with values taken out, for counting bad lines by kind
    /// (`field 'ts' (123) is outside the day 2026-11-23` → `field 'ts' (…) is outside the day …`).
    var reasonKind: String {
        var out = ""
        var chars = reason[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "(" {
                out += "(…)"
                chars = chars.drop { $0 != ")" }.dropFirst()
            } else if c.isNumber {
                out += "#"
                chars = chars.drop { $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" }
            } else if c == "'", out.hasSuffix("is ") || out.hasSuffix("type ") {
                out += "'…'"
                chars = chars.drop { $0 != "'" }.dropFirst()
            } else {
                out.append(c)
            }
        }
        return out
    }
}
