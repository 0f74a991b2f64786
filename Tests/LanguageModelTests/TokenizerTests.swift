import LanguageModel
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    static let vocabulary = try! Vocabulary(
        tokens: ["<pad>", "<unk>", "<eos>", "red", "shoes", "s", "##h", "##o", "##e", "##z", "b", "##a", "##g", "a"],
        kinds: [.special, .special, .special, .word, .word, .char, .char, .char, .char, .char, .char, .char, .char, .word])

    @Test(arguments: [
        ("red shoes", [3, 4] as [Int32]),
        ("red shoez <eos>", [3, 5, 6, 7, 8, 9, 2]),
        ("bag", [10, 11, 12]),
        ("a", [13]),
        ("  red\tshoes  ", [3, 4]),
        ("bax", [10, 11, 1]),
    ])
    func encodesWordsAndSpellsUnknownOnes(text: String, ids: [Int32]) {
        #expect(Tokenizer(vocabulary: Self.vocabulary).encode(text) == ids)
    }

    @Test func decodesContinuationsIntoTheirWord() {
        let tokenizer = Tokenizer(vocabulary: Self.vocabulary)
        #expect(tokenizer.decode([3, 5, 6, 7, 8, 9, 2]) == "red shoez <eos>")
        #expect(tokenizer.decode([3, 5, 6, 7, 8, 9, 2], skipSpecial: true) == "red shoez")
        #expect(tokenizer.decode(tokenizer.encode("a bag of red shoes")) == "a bag <unk> <unk> red shoes")  // neither "o" nor "##f" is known
    }

    @Test func rejectsRepeatedTokensNamingThem() {
        let error = #expect(throws: LanguageModelError.self) {
            try Vocabulary(tokens: ["a", "b", "a"], kinds: [.word, .word, .word])
        }
        #expect(error?.message == "token 'a' (word) appears at ids 0 and 2; each (token, kind) must be unique")
    }

    @Test func fingerprintFollowsIdsAndKinds() throws {
        let a = try Vocabulary(tokens: ["x", "y"], kinds: [.word, .word])
        let swapped = try Vocabulary(tokens: ["y", "x"], kinds: [.word, .word])
        let recast = try Vocabulary(tokens: ["x", "y"], kinds: [.word, .char])
        #expect(a.fingerprint == (try Vocabulary(tokens: ["x", "y"], kinds: [.word, .word])).fingerprint)
        #expect(a.fingerprint != swapped.fingerprint && a.fingerprint != recast.fingerprint)
        #expect(a.fingerprint.count == 16)
    }

    /// The rerank stage's vocabulary today: plain characters, a character that is also a word listed once.
    @Test func spellsWithPlainCharactersWhenTheVocabularyHasNoContinuations() throws {
        let vocabulary = try Vocabulary(
            tokens: ["<unk>", "<eos>", "red", "a", "b", "g", "s"], kinds: [.special, .special, .word, .word, .char, .char, .char])
        let tokenizer = Tokenizer(vocabulary: vocabulary)
        #expect(!tokenizer.hasContinuations)
        #expect(tokenizer.encode("red bag") == [2, 4, 3, 5])
        #expect(tokenizer.encode("gas <eos>") == [5, 3, 6, 1])
        #expect(tokenizer.decode([2, 5, 6]) == "red gs")  // a run of character tokens is one word
    }
}
