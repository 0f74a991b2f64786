// Token advantages of one group (the G rollouts of one prompt), paper Eqs. 11–13 and 16–17:
//   query token of slot j:   clip( (R_query,j − μ_Qj)/σ_Qj + λ·(R_seq − μ_S)/σ_S )
//   separator, end, markers: clip( λ·(R_seq − μ_S)/σ_S )
//   trigger token of group k: clip( (r_trigger,k − μ_Tk)/σ_Tk )
// and, for the sequence-GRPO ablation, clip( (total − μ)/σ ) on every token.

/// The advantages of a group's rollouts, one per completion token.
///
/// ```swift
/// let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: settings)
/// advantages[i][t]   // rollout i, completion token t
/// ```
public enum TokenAdvantages {
    /// The advantages of a group in `settings.advantageMode`: `[rollout][token]`.
    /// - Throws: when the layouts and rewards of a rollout do not fit together.
    public static func group(
        layouts: [RolloutLayout], rewards: [RolloutRewards], settings: GRPOSettings
    ) throws(PolicyOptimizationError) -> [[Double]] {
        switch settings.advantageMode {
        case .interestLevel: try interestLevel(layouts: layouts, rewards: rewards, settings: settings)
        case .sequence: try sequence(layouts: layouts, rewards: rewards, settings: settings)
        }
    }

    /// IL-GRPO advantages.
    ///
    /// Slot j is normalised across the rollouts that have a slot j; a rollout without it has no tokens
    /// there and does not enter that slot's mean and std. A slot that only one rollout reached (or where
    /// every rollout's reward is equal) contributes exactly 0, so its tokens carry the list term alone.
    /// Trigger group k is normalised the same way across the rollouts that have a group k.
    public static func interestLevel(
        layouts: [RolloutLayout], rewards: [RolloutRewards], settings: GRPOSettings
    ) throws(PolicyOptimizationError) -> [[Double]] {
        try check(layouts: layouts, rewards: rewards)
        let floor = settings.stdFloor
        let list = GroupNormalisation.normalise(rewards.map(\.list), stdFloor: floor)
        let slotAdvantages = positionwise(rewards.map(\.queries), stdFloor: floor)
        let triggerAdvantages = positionwise(rewards.map(\.triggers), stdFloor: floor)
        return layouts.indices.map { i in
            let listTerm = settings.listWeight * list[i]
            return layouts[i].roles().map { role in
                switch role {
                case .query(let j): clip(slotAdvantages[i][j] + listTerm, settings.advantageClip)
                case .trigger(let k): clip(triggerAdvantages[i][k], settings.advantageClip)
                case .structure: clip(listTerm, settings.advantageClip)
                }
            }
        }
    }

    /// Sequence-GRPO advantages: every token of rollout i gets the group-normalised total reward.
    public static func sequence(
        layouts: [RolloutLayout], rewards: [RolloutRewards], settings: GRPOSettings
    ) throws(PolicyOptimizationError) -> [[Double]] {
        guard layouts.count == rewards.count else {
            throw .invalidInput("\(layouts.count) layouts but \(rewards.count) rewards; pass one of each per rollout")
        }
        let totals = GroupNormalisation.normalise(rewards.map(\.total), stdFloor: settings.stdFloor)
        return layouts.indices.map { i in
            [Double](repeating: clip(totals[i], settings.advantageClip), count: layouts[i].tokenCount)
        }
    }

    /// Whether a group's advantages are all exactly zero (no learning signal: every normalisation in it
    /// saw equal rewards).
    public static func isZeroVariance(_ advantages: [[Double]]) -> Bool {
        advantages.allSatisfy { $0.allSatisfy { $0 == 0 } }
    }

    /// `values[i][j]` normalised over the rollouts i that have a position j.
    static func positionwise(_ values: [[Double]], stdFloor: Double) -> [[Double]] {
        var out = values.map { [Double](repeating: 0, count: $0.count) }
        let positions = values.map(\.count).max() ?? 0
        for j in 0..<positions {
            let members = values.indices.filter { values[$0].count > j }
            let normalised = GroupNormalisation.normalise(members.map { values[$0][j] }, stdFloor: stdFloor)
            for (member, value) in zip(members, normalised) { out[member][j] = value }
        }
        return out
    }

    static func clip(_ value: Double, _ bound: Double) -> Double {
        min(max(value, -bound), bound)
    }

    private static func check(layouts: [RolloutLayout], rewards: [RolloutRewards]) throws(PolicyOptimizationError) {
        guard layouts.count == rewards.count else {
            throw .invalidInput("\(layouts.count) layouts but \(rewards.count) rewards; pass one of each per rollout")
        }
        for (i, (layout, reward)) in zip(layouts, rewards).enumerated() {
            try layout.validate()
            guard reward.queries.count == layout.slots.count, reward.triggers.count == layout.triggerGroups.count else {
                throw .invalidInput(
                    "rollout \(i): \(reward.queries.count) query rewards and \(reward.triggers.count) trigger rewards for "
                        + "\(layout.slots.count) slots and \(layout.triggerGroups.count) trigger groups; pass one per part")
            }
        }
    }
}
