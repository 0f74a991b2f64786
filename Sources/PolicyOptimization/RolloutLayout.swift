// Where the parts of one generated completion lie: query slots, Think trigger groups, and everything
// else (separators, the end token, `<trig>`/`<why>` markers, rationale tokens), which is structure.

/// One parsed rollout. Token positions count from the completion's first generated token, so they
/// are also the positions of the completion's head rows in the training forward pass.
///
/// ```swift
/// // "red boots <q> tent <q> <eos>": tokens 0-1 slot 0, 2 separator, 3 slot 1, 4 separator, 5 end
/// let layout = RolloutLayout(
///     tokenCount: 6,
///     slots: [.init(text: "red boots", tokens: 0..<2), .init(text: "tent", tokens: 3..<4)],
///     isComplete: true)
/// ```
/// Built by ``RolloutParser`` from token ids, or by the caller for another output format.
public struct RolloutLayout: Sendable, Hashable {
    /// A query of the generated list: slot j is scored against the j-th reference query.
    public struct Slot: Sendable, Hashable {
        /// The query text (words joined as the caller decodes them).
        public var text: String
        /// The query's own tokens (not the separator after it); non-empty.
        public var tokens: Range<Int>
        /// Whether a separator or the end token closes the query (false: cut off by the length limit,
        /// or interrupted by another part).
        public var isTerminated: Bool

        /// A slot.
        public init(text: String, tokens: Range<Int>, isTerminated: Bool = true) {
            self.text = text
            self.tokens = tokens
            self.isTerminated = isTerminated
        }
    }

    /// A Think interest group's trigger set: the behaviour indices it names.
    public struct TriggerGroup: Sendable, Hashable {
        /// The tokens that choose the triggers: the index tokens and the closing `</trig>` (the
        /// decision to stop naming triggers). They get the trigger advantage only.
        public var tokens: Range<Int>
        /// The behaviour indices named, in order.
        public var indices: [Int]

        /// A trigger group.
        public init(tokens: Range<Int>, indices: [Int]) {
            self.tokens = tokens
            self.indices = indices
        }
    }

    /// What a token's advantage is made of.
    public enum TokenRole: Sendable, Hashable {
        /// A token of query slot `slot`: the slot's query advantage plus λ·the list advantage.
        case query(slot: Int)
        /// A token of trigger group `group`: the group's trigger advantage only.
        case trigger(group: Int)
        /// Separators, the end token, markers, rationale: the list advantage only.
        case structure
    }

    /// Tokens in the completion (generated tokens, the end token included).
    public var tokenCount: Int
    /// The queries, in list order (across Think groups).
    public var slots: [Slot]
    /// The Think trigger groups, in order (empty for Direct).
    public var triggerGroups: [TriggerGroup]
    /// Whether the completion ends with the end token.
    public var isComplete: Bool
    /// Structural faults seen while parsing (an empty query, a marker out of place, a token that is not
    /// a behaviour index inside a trigger group, an unclosed group); each lowers the format score.
    public var malformations: Int

    /// A layout.
    public init(tokenCount: Int, slots: [Slot], triggerGroups: [TriggerGroup] = [], isComplete: Bool, malformations: Int = 0) {
        self.tokenCount = tokenCount
        self.slots = slots
        self.triggerGroups = triggerGroups
        self.isComplete = isComplete
        self.malformations = malformations
    }

    /// The role of every token, `tokenCount` of them.
    public func roles() -> [TokenRole] {
        var roles = [TokenRole](repeating: .structure, count: tokenCount)
        for (j, slot) in slots.enumerated() {
            for t in slot.tokens where t >= 0 && t < tokenCount { roles[t] = .query(slot: j) }
        }
        for (k, group) in triggerGroups.enumerated() {
            for t in group.tokens where t >= 0 && t < tokenCount { roles[t] = .trigger(group: k) }
        }
        return roles
    }

    /// Throws unless every slot is non-empty and every range lies inside the completion without
    /// overlapping another.
    public func validate() throws(PolicyOptimizationError) {
        var owner = [String?](repeating: nil, count: max(0, tokenCount))
        let parts = slots.enumerated().map { ("slot \($0.offset)", $0.element.tokens) }
            + triggerGroups.enumerated().map { ("trigger group \($0.offset)", $0.element.tokens) }
        for (name, range) in parts {
            guard range.lowerBound >= 0, range.upperBound <= tokenCount else {
                throw .invalidInput("\(name) covers tokens \(range), outside the completion's \(tokenCount) tokens")
            }
            for t in range {
                if let other = owner[t] {
                    throw .invalidInput("\(name) and \(other) both claim token \(t); parts must not overlap")
                }
                owner[t] = name
            }
        }
        if let empty = slots.firstIndex(where: { $0.tokens.isEmpty }) {
            throw .invalidInput("slot \(empty) has no tokens; an empty query is a malformation, not a slot")
        }
    }
}
