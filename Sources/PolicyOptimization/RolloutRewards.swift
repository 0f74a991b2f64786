// The rewards of one rollout, each already clipped: what the advantages are made of.

/// The rewards of one rollout (``RewardFunction/rewards(_:target:ctrProbability:)`` makes them; a
/// caller with another task may fill them itself).
///
/// ```swift
/// let rewards = RolloutRewards(queries: [1.2, 0.4], list: 1, total: 1.8, normalised: 0.6)
/// ```
public struct RolloutRewards: Sendable, Hashable, Codable {
    /// R_query per slot of the layout, in slot order.
    public var queries: [Double]
    /// R_seq: format score and repetition penalty.
    public var list: Double
    /// r_trigger per trigger group of the layout, in group order (empty for Direct).
    public var triggers: [Double]
    /// The rollout's one reward: the sequence-GRPO ablation's advantage and the logged reward.
    public var total: Double
    /// `total` mapped into [0, 1]: what the skip band [0.1, 0.95] is applied to.
    public var normalised: Double

    /// Rewards.
    public init(queries: [Double], list: Double, triggers: [Double] = [], total: Double, normalised: Double) {
        self.queries = queries
        self.list = list
        self.triggers = triggers
        self.total = total
        self.normalised = normalised
    }
}
