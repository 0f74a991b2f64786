// Word-level tokenizer with a character fallback: known words are one token; an unknown word is
// spelled character by character. Two vocabulary conventions are read:
// - with continuation tokens (`##c` char rows): first character `c`, then `##c`, …; decoding is exact;
// - plain characters only (what the rerank stage's `vocab` holds today): `c`, `c`, …; decoding glues
//   runs of character tokens into one word, so two spelled words in a row come back as one.

/// Text ⇄ token ids over a `Vocabulary`.
///
/// ```swift
/// let tokenizer = Tokenizer(vocabulary: vocabulary)
/// tokenizer.encode("red shoez")     // [red, s, ##h, ##o, ##e, ##z]
/// tokenizer.decode(ids)             // "red shoez"
/// ```
public struct Tokenizer: Sendable {
    /// The prefix of a character that continues a spelled word.
    public static let continuationPrefix = "##"
    /// The special token used for a character the vocabulary lacks (dropped when absent).
    public static let unknownToken = "<unk>"

    /// The tokens.
    public let vocabulary: Vocabulary
    private let unknown: Int32?
    /// Whether the vocabulary has `##c` continuation characters (else plain characters spell words).
    public let hasContinuations: Bool

    /// A tokenizer over `vocabulary`.
    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        unknown = vocabulary.id(of: Self.unknownToken, kind: .special)
        hasContinuations = vocabulary.entries.contains { $0.kind == .char && $0.token.hasPrefix(Self.continuationPrefix) }
    }

    /// The id of a special token such as `<eos>`.
    public func special(_ token: String) -> Int32? { vocabulary.id(of: token, kind: .special) }

    /// Token ids for `text`: split on whitespace; a piece that is a special token or a known word is one
    /// id, anything else is spelled character by character (`c`, `##c`, …; `<unk>` for unknown characters).
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        for piece in text.split(whereSeparator: \.isWhitespace) {
            let word = String(piece)
            if let id = vocabulary.id(of: word, kind: .special) ?? vocabulary.id(of: word, kind: .word) {
                ids.append(id)
                continue
            }
            for (index, character) in word.enumerated() {
                let plain = String(character)
                let id: Int32? =
                    if index > 0 && hasContinuations {
                        vocabulary.id(of: Self.continuationPrefix + plain, kind: .char)
                    } else {
                        // A character that is also a word is listed once, as the word.
                        vocabulary.id(of: plain, kind: .char) ?? vocabulary.id(of: plain, kind: .word)
                    }
                if let id = id ?? unknown { ids.append(id) }
            }
        }
        return ids
    }

    /// Text for `ids`: tokens separated by spaces, `##` characters glued to what precedes them (or, in a
    /// vocabulary without continuations, runs of character tokens glued together).
    /// Ids outside the vocabulary are skipped; `skipSpecial` leaves special tokens out.
    public func decode(_ ids: [Int32], skipSpecial: Bool = false) -> String {
        var text = ""
        var previousWasCharacter = false
        for id in ids {
            guard id >= 0, Int(id) < vocabulary.count else { continue }
            let entry = vocabulary.entries[Int(id)]
            if entry.kind == .special && skipSpecial { continue }
            defer { previousWasCharacter = entry.kind == .char }
            if entry.kind == .char && entry.token.hasPrefix(Self.continuationPrefix) && !text.isEmpty {
                text += entry.token.dropFirst(Self.continuationPrefix.count)
            } else if entry.kind == .char && !hasContinuations && previousWasCharacter {
                text += entry.token
            } else {
                if !text.isEmpty { text += " " }
                text += entry.token
            }
        }
        return text
    }
}
