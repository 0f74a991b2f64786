// ROUGE-L F on hand-checked pairs: word-level LCS, order-sensitive, CJK characters as words.
import PolicyOptimization
import Testing

@Suite("ROUGE-L")
struct RougeLTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        var candidate: String, reference: String, expected: Double
        var testDescription: String { "'\(candidate)' vs '\(reference)'" }
    }

    static let pairs: [Pair] = [
        Pair(candidate: "waterproof hiking boots", reference: "hiking boots", expected: 0.8),  // LCS 2, P 2/3, R 1
        Pair(candidate: "hiking boots", reference: "waterproof hiking boots", expected: 0.8),  // symmetric
        Pair(candidate: "red hiking boots", reference: "blue hiking boots", expected: 2.0 / 3),  // LCS 2 of 3 and 3
        Pair(candidate: "boots hiking", reference: "hiking boots", expected: 0.5),  // order matters: LCS 1
        Pair(candidate: "a b c d", reference: "d c b a", expected: 0.25),
        Pair(candidate: "tent", reference: "tent", expected: 1),
        Pair(candidate: "tent", reference: "sleeping bag", expected: 0),
        Pair(candidate: "", reference: "tent", expected: 0),
        Pair(candidate: "", reference: "", expected: 1),
        Pair(candidate: "手机壳", reference: "手机", expected: 0.8),  // three words against two
        Pair(candidate: "iphone手机壳", reference: "iphone 手机 壳", expected: 1),  // spacing around CJK is irrelevant
        Pair(candidate: "a  b\tc", reference: "a b c", expected: 1),  // any white space splits
    ]

    @Test(arguments: pairs)
    func fMeasureOfKnownPairs(_ pair: Pair) {
        #expect(RougeL.fMeasure(pair.candidate, pair.reference) == pair.expected)
    }

    @Test func cjkCharactersAreWordsOfTheirOwn() {
        #expect(RougeL.words("iphone手机壳") == ["iphone", "手", "机", "壳"])
        #expect(RougeL.words("  hiking   boots ") == ["hiking", "boots"])
        #expect(RougeL.words("café 東京tokyo") == ["café", "東", "京", "tokyo"])
        #expect(RougeL.words("") == [])
    }

    @Test func longestCommonSubsequenceOfTheTextbookCase() {
        // CLRS's example: "BCBA" is one LCS of length 4.
        #expect(RougeL.longestCommonSubsequence(Array("ABCBDAB"), Array("BDCABA")) == 4)
        #expect(RougeL.longestCommonSubsequence([1, 2, 3], [Int]()) == 0)
        #expect(RougeL.longestCommonSubsequence([3, 1, 2], [1, 2, 3]) == 2)
    }

    @Test func triggerIndexListsCompareLikeWords() {
        #expect(RougeL.fMeasure([1, 2], [1, 2]) == 1)
        #expect(RougeL.fMeasure([1], [1, 2]) == 2.0 / 3)
        #expect(RougeL.fMeasure([Int](), [Int]()) == 1)
        #expect(RougeL.fMeasure([3], [Int]()) == 0)
    }
}
