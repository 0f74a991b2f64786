// ROUGE-L (Lin 2004) at word level: the longest common subsequence of two word sequences, as an
// F-measure with β = 1 (precision and recall weighted equally, as Google's rouge-score `rougeL`).
import LanguageModel

/// ROUGE-L F between queries (semantic fidelity, near-duplicates) or between trigger index lists.
///
/// ```swift
/// RougeL.fMeasure("waterproof hiking boots", "hiking boots")   // LCS 2, P 2/3, R 1: 0.8
/// RougeL.words("iphone手机壳")                                   // ["iphone", "手", "机", "壳"]
/// ```
public enum RougeL {
    /// The words of `text` (``WordSplitter``, as the tokenizer cuts them): "iphone手机壳" gives
    /// `iphone 手 机 壳`. Queries arrive normalised, so no case folding or Unicode normalisation here.
    public static func words(_ text: String) -> [String] { WordSplitter.words(text) }

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
