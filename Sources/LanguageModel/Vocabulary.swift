// The token list of a model: special tokens, words, and characters for spelling unseen words.
// The data stages write it as a Parquet `vocab` dataset (token, kind, count; id = row number);
// the engine receives the rows as plain strings.

/// The model's tokens in id order, each with its kind.
///
/// ```swift
/// let vocabulary = try Vocabulary(tokens: ["<pad>", "<unk>", "red", "shoes", "r", "##e", "##d"],
///                                 kinds: [.special, .special, .word, .word, .char, .char, .char])
/// ```
public struct Vocabulary: Sendable, Hashable {
    /// What a token stands for.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A control token such as `<pad>`, `<bos>`, `<eos>`, `<sep>`, `<unk>`.
        case special
        /// A whole word.
        case word
        /// One character: `c` starts a spelled word, `##c` continues it.
        case char
    }

    /// One token: its text and kind. Its id is its index.
    public struct Entry: Sendable, Hashable {
        public var token: String
        public var kind: Kind
        public init(token: String, kind: Kind) {
            self.token = token
            self.kind = kind
        }
    }

    /// The tokens, id order.
    public let entries: [Entry]
    private let ids: [Entry: Int32]

    /// A vocabulary from parallel lists of token strings and kinds (id = position).
    /// - Throws: when the lists differ in length or a (token, kind) pair repeats.
    public init(tokens: [String], kinds: [Kind]) throws(LanguageModelError) {
        guard tokens.count == kinds.count else {
            throw LanguageModelError(
                code: .vocabulary, message: "\(tokens.count) tokens but \(kinds.count) kinds; give one kind per token")
        }
        try self.init(entries: zip(tokens, kinds).map { Entry(token: $0, kind: $1) })
    }

    /// A vocabulary from its entries (id = position).
    public init(entries: [Entry]) throws(LanguageModelError) {
        var ids: [Entry: Int32] = [:]
        for (index, entry) in entries.enumerated() {
            if let first = ids[entry] {
                throw LanguageModelError(
                    code: .vocabulary,
                    message: "token '\(entry.token)' (\(entry.kind.rawValue)) appears at ids \(first) and \(index); "
                        + "each (token, kind) must be unique")
            }
            ids[entry] = Int32(index)
        }
        self.entries = entries
        self.ids = ids
    }

    /// The number of tokens.
    public var count: Int { entries.count }

    /// The id of `token` of `kind`, if present.
    public func id(of token: String, kind: Kind) -> Int32? {
        ids[Entry(token: token, kind: kind)]
    }

    /// FNV-1a (64-bit) over every entry's kind and text in id order, as 16 hex digits: equal hashes mean
    /// the same ids for the same tokens.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for entry in entries {
            mix(entry.kind == .special ? 1 : entry.kind == .word ? 2 : 3)
            for byte in entry.token.utf8 { mix(byte) }
            mix(0)
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
