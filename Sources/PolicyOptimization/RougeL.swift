// ROUGE-L (Lin 2004) at word level: the longest common subsequence of two word sequences, as an
// F-measure with β = 1 (precision and recall weighted equally, as Google's rouge-score `rougeL`).

/// ROUGE-L F between queries (semantic fidelity, near-duplicates) or between trigger index lists.
///
/// ```swift
/// RougeL.fMeasure("waterproof hiking boots", "hiking boots")   // LCS 2, P 2/3, R 1: 0.8
/// RougeL.words("iphone手机壳")                                   // ["iphone", "手", "机", "壳"]
/// ```
public enum RougeL {
    /// The words of `text`: pieces between white space, and every CJK character (Han, kana, Hangul,
    /// CJK punctuation, full-width forms) a word of its own, so "iphone手机壳" gives
    /// `iphone 手 机 壳` (the rerank stage's word tokenizer cuts the same way).
    /// No case folding or Unicode normalisation: queries arrive normalised.
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

    /// The length of the longest common subsequence of `a` and `b` (dynamic programming, one row).
    public static func longestCommonSubsequence<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0  // row[j − 1] of the previous row
            for j in 1...b.count {
                let above = row[j]
                row[j] = x == b[j - 1] ? diagonal + 1 : max(row[j], row[j - 1])
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// ROUGE-L F of `candidate` against `reference`: `2·P·R / (P + R)` with `P = LCS/|candidate|`,
    /// `R = LCS/|reference|`, computed as the equal `2·LCS / (|candidate| + |reference|)` (one rounding,
    /// so 4/5 is exactly 0.8); 0 when they share nothing or one is empty, 1 when both are empty (an
    /// empty trigger set generated where the reference has none is a match). Symmetric.
    public static func fMeasure<Element: Equatable>(_ candidate: [Element], _ reference: [Element]) -> Double {
        if candidate.isEmpty && reference.isEmpty { return 1 }
        let common = longestCommonSubsequence(candidate, reference)
        return Double(2 * common) / Double(candidate.count + reference.count)
    }

    /// ROUGE-L F between two queries, over their ``words(_:)``.
    public static func fMeasure(_ candidate: String, _ reference: String) -> Double {
        fMeasure(words(candidate), words(reference))
    }
}
