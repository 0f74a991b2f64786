/// Splits text into the word tokens of the prompt and target (design note, "Tokens"): the text is
/// normalised (``QueryText/normalize(_:)``) and split on spaces; CJK characters (Han, kana, Hangul,
/// CJK punctuation) are tokens of one character each, so "iphone手机壳" gives `iphone 手 机 壳`.
public enum WordTokenizer {
    /// The word tokens of `text`.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        for chunk in QueryText.normalize(text).split(separator: " ") {
            if chunk.utf8.allSatisfy({ $0 < 0x80 }) {
                out.append(String(chunk))
                continue
            }
            var current = ""
            for character in chunk {
                if let scalar = character.unicodeScalars.first, isCJK(scalar) {
                    if !current.isEmpty { out.append(current) }
                    current = ""
                    out.append(String(character))
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }

    /// Whether `scalar` is a CJK character that forms a token on its own.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}
