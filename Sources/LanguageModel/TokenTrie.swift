// Constrained decoding: generation may only spell token sequences from a known set (e.g. queries seen
// in the logs), separated by separator tokens.

/// A prefix tree of allowed token sequences, walked token by token during generation.
///
/// ```swift
/// let trie = TokenTrie(sequences: knownQueries, separators: [sep, eos])
/// let lists = try model.generate(requests, options: options, constraint: trie)
/// ```
public struct TokenTrie: Sendable {
    struct Node: Sendable {
        var children: [Int32: Int] = [:]
        var terminal = false
    }

    var nodes = [Node()]
    /// Tokens of the longest sequence.
    public private(set) var longestSequence = 0
    /// Tokens allowed after a complete sequence; they return the walk to the root.
    public let separators: Set<Int32>

    /// The trie of `sequences`; after any complete sequence, one of `separators` may follow.
    public init(sequences: [[Int32]], separators: Set<Int32>) {
        self.separators = separators
        for sequence in sequences where !sequence.isEmpty {
            longestSequence = max(longestSequence, sequence.count)
            var node = 0
            for token in sequence {
                if let next = nodes[node].children[token] {
                    node = next
                } else {
                    nodes.append(Node())
                    nodes[node].children[token] = nodes.count - 1
                    node = nodes.count - 1
                }
            }
            nodes[node].terminal = true
        }
    }

    /// The walk's position: the root is 0.
    public typealias State = Int

    /// The tokens allowed from `state`.
    public func allowed(from state: State) -> [Int32] {
        var tokens = Array(nodes[state].children.keys)
        if nodes[state].terminal { tokens += separators }
        return tokens.sorted()
    }

    /// The state after `token`, or `nil` if it was not allowed.
    public func advance(_ state: State, by token: Int32) -> State? {
        if let next = nodes[state].children[token] { return next }
        if nodes[state].terminal && separators.contains(token) { return 0 }
        return nil
    }

    /// Sets every logit of a token not allowed from `state` to `-inf`.
    public func mask(_ logits: UnsafeMutableBufferPointer<Float>, state: State) {
        let allowed = allowed(from: state)
        var kept: [(Int32, Float)] = []
        for token in allowed where Int(token) < logits.count { kept.append((token, logits[Int(token)])) }
        logits.update(repeating: -.infinity)
        for (token, value) in kept { logits[Int(token)] = value }
    }
}
