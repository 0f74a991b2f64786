// What a prompt's rollouts are scored against: the sample's reference list and what the prompt holds.

/// The reference of one prompt (an IL-SFT sample's target, position-wise).
///
/// ```swift
/// let target = RolloutTarget(queries: ["hiking boots", "tent"], requestedCount: 2, behaviourIndices: [0, 1, 2])
/// ```
public struct RolloutTarget: Sendable, Hashable {
    /// The reference queries in order: slot j is scored against `queries[j]` (ROUGE-L 0 past the end).
    public var queries: [String]
    /// Queries the prompt asks for (its count token); the format score wants exactly this many.
    public var requestedCount: Int
    /// Reference trigger sets of the Think target's interest groups, in order (empty for Direct):
    /// generated group k is scored against `triggerGroups[k]` (ROUGE-L 0 past the end).
    public var triggerGroups: [[Int]]
    /// The behaviour indices present in the prompt; a trigger naming another index is a format error.
    public var behaviourIndices: Set<Int>

    /// A target.
    public init(queries: [String], requestedCount: Int, triggerGroups: [[Int]] = [], behaviourIndices: Set<Int> = []) {
        self.queries = queries
        self.requestedCount = requestedCount
        self.triggerGroups = triggerGroups
        self.behaviourIndices = behaviourIndices
    }
}
