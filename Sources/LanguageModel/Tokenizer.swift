// Word-level tokenizer with a character fallback: known words are one token; an unknown word is
// spelled as its first character `c` followed by continuation characters `##c`.

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

    /// A tokenizer over `vocabulary`.
    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        unknown = vocabulary.id(of: Self.unknownToken, kind: .special)
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
                let token = index == 0 ? String(character) : Self.continuationPrefix + String(character)
                if let id = vocabulary.id(of: token, kind: .char) ?? unknown { ids.append(id) }
            }
        }
        return ids
    }

    /// Text for `ids`: tokens separated by spaces, `##` characters glued to what precedes them.
    /// Ids outside the vocabulary are skipped; `skipSpecial` leaves special tokens out.
    public func decode(_ ids: [Int32], skipSpecial: Bool = false) -> String {
        var text = ""
        for id in ids {
            guard id >= 0, Int(id) < vocabulary.count else { continue }
            let entry = vocabulary.entries[Int(id)]
            if entry.kind == .special && skipSpecial { continue }
            if entry.kind == .char && entry.token.hasPrefix(Self.continuationPrefix) && !text.isEmpty {
                text += entry.token.dropFirst(Self.continuationPrefix.count)
            } else {
                if !text.isEmpty { text += " " }
                text += entry.token
            }
        }
        return text
    }
}
