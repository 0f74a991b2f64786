// The word level of the tokenizer's input and of ROUGE-L: white space separates words, and CJK
// scripts, written without spaces, count one character as one word.

/// Splits text into words: pieces between white space, and every CJK character (Han, kana, Hangul, CJK
/// punctuation, full-width forms) a word of its own, so "iphone手机壳" gives `iphone 手 机 壳`.
/// No case folding or Unicode normalisation (callers normalise first when they need to).
public enum WordSplitter {
    /// The words of `text`.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        for piece in text.split(whereSeparator: \.isWhitespace) {
            if piece.utf8.allSatisfy({ $0 < 0x80 }) {
                out.append(String(piece))
                continue
            }
            var current = ""
            for character in piece {
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

    /// Whether `scalar` is a CJK character that is a word on its own.
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
