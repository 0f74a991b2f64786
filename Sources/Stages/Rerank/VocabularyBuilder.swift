import Columnar

/// Counts the tokens of the samples and writes the tokenizer vocabulary (`vocab`, id = row):
/// the fixed special tokens, then `<cat:ID>` for every category (of the tree or used), by id; then
/// words seen at least `minCount` times, by count descending then text (UTF-8 byte order); then the
/// characters the model spells unseen words with (`LanguageModel.Tokenizer`): each word's first
/// character as `c` and every later one as `##c`, kind `char`, by count descending then text.
/// `count` is the number of occurrences in prompts and targets.
struct VocabularyBuilder {
    /// Occurrences of each token (special or word).
    private(set) var counts: [String: Int64] = [:]

    /// Counts every token of `samples`.
    mutating func add(_ samples: SampleRows) {
        samples.forEachToken { counts[$0, default: 0] += 1 }
    }

    /// Adds the counts of another builder.
    mutating func merge(_ other: VocabularyBuilder) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    /// The vocabulary rows: (token, kind, count).
    func rows(categories: [Int64], minCount: Int) -> [(token: String, kind: String, count: Int64)] {
        var out: [(String, String, Int64)] = []
        var listed = Set<String>()  // "kind token": a word and a character may share their text
        func add(_ token: String, _ kind: String, _ count: Int64) {
            if listed.insert(kind + " " + token).inserted { out.append((token, kind, count)) }
        }
        for token in SpecialTokens.fixed { add(token, "special", counts[token] ?? 0) }
        var categoryIDs = Set(categories)
        var words: [(String, Int64)] = []
        for (token, count) in counts {
            if token.hasPrefix("<cat:"), token.hasSuffix(">"), let id = Int64(token.dropFirst(5).dropLast()) {
                categoryIDs.insert(id)
            } else if !listed.contains("special " + token) {
                words.append((token, count))
            }
        }
        for id in categoryIDs.sorted() {
            let token = SpecialTokens.category(id)
            add(token, "special", counts[token] ?? 0)
        }
        var characters: [String: Int64] = [:]
        for (word, count) in words {
            for (i, character) in word.enumerated() { characters[(i == 0 ? "" : "##") + String(character), default: 0] += count }
        }
        for (word, count) in Self.byCount(words) where count >= Int64(minCount) { add(word, "word", count) }
        for (character, count) in Self.byCount(characters.map { ($0.key, $0.value) }) { add(character, "char", count) }
        return out
    }

    /// The vocabulary as a batch of ``DatasetSchemas/vocab``.
    func batch(categories: [Int64], minCount: Int) throws -> RecordBatch {
        var out = BatchBuilder(DatasetSchemas.vocab)
        for row in rows(categories: categories, minCount: minCount) {
            out["token"].append(string: row.token)
            out["kind"].append(string: row.kind)
            out["count"].append(int64: row.count)
        }
        return try out.build()
    }

    /// Count descending, then text in UTF-8 byte order.
    private static func byCount(_ items: [(String, Int64)]) -> [(String, Int64)] {
        items.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : Array(a.0.utf8).lexicographicallyPrecedes(b.0.utf8) }
    }
}
