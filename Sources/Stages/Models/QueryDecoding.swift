import LanguageModel

/// Generated token ids → query lists: the inverse of the target serialisation (``SampleSerializer``).
///
/// Queries are separated by `<q>` and end at `<eos>`; Think groups' `<trig> … </trig>` and
/// `<why> … </why>` parts are skipped, so a Think output yields its queries in group order. Word
/// tokens are joined by spaces, `##c` characters glued to the word before, and CJK characters glued
/// to their neighbours (the word tokenizer cut them apart), so "iphone 手 机 壳" reads "iphone手机壳" —
/// unless the tokens spell a known query, which reads exactly as that query.
struct QueryDecoding {
    private let vocabulary: Vocabulary
    private let separator: Int32?, end: Int32?
    private let openers: [Int32: Int32]
    private let spelling: [[Int32]: String]

    /// A decoder over `vocabulary`; a query whose tokens are a key of `spelling` reads as its value (the
    /// known query's own text), any other by the joining rules above.
    init(vocabulary: Vocabulary, spelling: [[Int32]: String] = [:]) {
        self.vocabulary = vocabulary
        self.spelling = spelling
        separator = vocabulary.id(of: "<q>", kind: .special)
        end = vocabulary.id(of: "<eos>", kind: .special)
        var openers: [Int32: Int32] = [:]
        for (open, close) in [("<trig>", "</trig>"), ("<why>", "</why>")] {
            if let o = vocabulary.id(of: open, kind: .special), let c = vocabulary.id(of: close, kind: .special) { openers[o] = c }
        }
        self.openers = openers
    }

    /// The queries of one generated output, in order (empty ones and any text after `<eos>` dropped).
    /// `complete` tells whether the output ended with `<eos>`; a query cut off by the length limit is dropped.
    func queries(_ ids: [Int32]) -> (queries: [String], complete: Bool) {
        var out: [String] = []
        var current: [Vocabulary.Entry] = []
        var currentIDs: [Int32] = []
        var skippingUntil: Int32?
        for id in ids {
            if let closing = skippingUntil {
                if id == closing { skippingUntil = nil }
                continue
            }
            if let closing = openers[id] {
                skippingUntil = closing
                continue
            }
            if id == separator || id == end {
                let text = spelling[currentIDs] ?? Self.text(current)
                if !text.isEmpty { out.append(text) }
                current = []
                currentIDs = []
                if id == end { return (out, true) }
                continue
            }
            guard id >= 0, Int(id) < vocabulary.count else { continue }
            let entry = vocabulary.entries[Int(id)]
            if entry.kind != .special {
                current.append(entry)
                currentIDs.append(id)
            }
        }
        return (out, false)
    }

    /// The text of word and character tokens.
    static func text(_ entries: [Vocabulary.Entry]) -> String {
        var text = ""
        var previousCJK = false
        for entry in entries {
            let token = entry.token
            let isContinuation = entry.kind == .char && token.hasPrefix(Tokenizer.continuationPrefix) && token.count > 2
            let piece = isContinuation ? String(token.dropFirst(Tokenizer.continuationPrefix.count)) : token
            let isCJK = piece.unicodeScalars.count == 1 && piece.unicodeScalars.first.map(WordSplitter.isCJK) == true
            if !text.isEmpty && !isContinuation && !isCJK && !previousCJK { text += " " }
            text += piece
            previousCJK = isCJK
        }
        return text
    }
}
