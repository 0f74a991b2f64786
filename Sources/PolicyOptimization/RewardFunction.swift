// The IL-GRPO rewards of one rollout (spec §5, paper Eqs. 10, 14, 16):
//   R_query(q_j)  = w_ctr·clip(γ·p̂_ctr(q_j), 0, β) + w_rouge·ROUGE-L(q_j, ref_j) + w_len·len_term(q_j)
//   R_seq(o)      = w_fmt·format score(o) − w_rep·(queries repeating an earlier one)
//   r_trigger(T_k) = ROUGE-L F(T_k, ref T_k) over behaviour indices
//   total(o)      = Σ_{j<K} R_query(q_j) / K + R_seq(o)       (K = requested count; a missing slot counts 0)
// every one clipped to ±rewardClip. The CTR probability is the caller's (a number per query).

/// Scores rollouts against their prompt's target.
///
/// ```swift
/// let function = RewardFunction(settings: settings)
/// let rewards = function.rewards(layout, target: target) { query in ctrModel.probability(user, query) }
/// ```
public struct RewardFunction: Sendable {
    /// The weights, caps and thresholds.
    public var settings: GRPOSettings

    /// A reward function.
    public init(settings: GRPOSettings = GRPOSettings()) {
        self.settings = settings
    }

    // MARK: - Query reward

    /// The CTR score `clip(γ·p, 0, β)`.
    public func ctrScore(probability: Double) -> Double {
        let scaled = settings.ctrScale * probability
        return scaled.isNaN ? 0 : min(max(scaled, 0), settings.ctrCap)
    }

    /// The length term, in [−1, 0]: 0 for `minimumWords...maximumWords` words; below, `−(min − n)/min`;
    /// above, `−min(1, (n − max)/max)`; −1 for a query that was cut off (not terminated).
    public func lengthTerm(words n: Int, isTerminated: Bool) -> Double {
        if !isTerminated { return -1 }
        let (low, high) = (settings.minimumWords, settings.maximumWords)
        if n < low { return -Double(low - n) / Double(low) }
        if n > high { return -min(1, Double(n - high) / Double(high)) }
        return 0
    }

    /// R_query of a query in slot j: `reference` is the j-th reference query (nil past the reference's
    /// end: ROUGE-L 0), `ctrProbability` the CTR model's click probability of the query for the user.
    public func queryReward(_ query: String, reference: String?, ctrProbability: Double, isTerminated: Bool = true) -> Double {
        let words = RougeL.words(query)
        let rouge = reference.map { RougeL.fMeasure(words, RougeL.words($0)) } ?? 0
        let reward = settings.ctrWeight * ctrScore(probability: ctrProbability) + settings.rougeWeight * rouge
            + settings.lengthWeight * lengthTerm(words: words.count, isTerminated: isTerminated)
        return clip(reward)
    }

    // MARK: - List reward

    /// The format score, in [0, 1]: the mean of four checks, each in [0, 1]:
    /// the completion ends with the end token; it holds the requested number K of terminated queries
    /// (`1 − |n − K|/K`, at least 0); no malformation (`1/(1 + malformations)`); every trigger names a
    /// behaviour index of the prompt (the share that do; 1 without triggers).
    /// A list that parses into exactly K well-formed queries with valid triggers scores 1.
    public func formatScore(_ layout: RolloutLayout, target: RolloutTarget) -> Double {
        let complete = layout.isComplete ? 1.0 : 0
        let wanted = max(1, target.requestedCount)
        let wellFormed = layout.slots.count { $0.isTerminated }
        let count = max(0, 1 - Double(abs(wellFormed - wanted)) / Double(wanted))
        let structure = 1 / (1 + Double(layout.malformations))
        let named = layout.triggerGroups.flatMap(\.indices)
        let valid = named.isEmpty ? 1 : Double(named.count { target.behaviourIndices.contains($0) }) / Double(named.count)
        return (complete + count + structure + valid) / 4
    }

    /// How many queries repeat an earlier query of the list: the same text, or a near-duplicate
    /// (ROUGE-L F ≥ `nearDuplicateThreshold` with an earlier one).
    public func repeatedQueries(_ queries: [String]) -> Int {
        let words = queries.map(RougeL.words)
        var repeated = 0
        for i in queries.indices {
            let isRepeat = (0..<i).contains { j in
                queries[j] == queries[i] || RougeL.fMeasure(words[i], words[j]) >= settings.nearDuplicateThreshold
            }
            if isRepeat { repeated += 1 }
        }
        return repeated
    }

    /// R_seq: `w_fmt·formatScore − w_rep·repeatedQueries`, clipped. A list with a duplicate or
    /// near-duplicate scores strictly lower than the same list with that query replaced by a distinct
    /// one, or dropped (a missing query costs the format score w_fmt/4K < w_rep by default).
    public func listReward(_ layout: RolloutLayout, target: RolloutTarget) -> Double {
        let repeated = repeatedQueries(layout.slots.map(\.text))
        return clip(settings.formatWeight * formatScore(layout, target: target) - settings.repetitionWeight * Double(repeated))
    }

    // MARK: - Trigger reward

    /// r_trigger: ROUGE-L F between the generated and the reference trigger indices (0 when there is
    /// no reference group at that position; 1 when both are empty).
    public func triggerReward(_ generated: [Int], reference: [Int]?) -> Double {
        guard let reference else { return 0 }
        return clip(RougeL.fMeasure(generated, reference))
    }

    // MARK: - All of a rollout

    /// The largest total a rollout can reach (`w_ctr·β + w_rouge + w_fmt`): the scale of `normalised`.
    public var maximumTotal: Double {
        settings.ctrWeight * settings.ctrCap + settings.rougeWeight + settings.formatWeight
    }

    /// Every reward of a rollout. `ctrProbability` gives the CTR model's click probability of a query for
    /// this prompt's user. The total averages the query rewards of the first K = `requestedCount` slots
    /// (missing slots count 0, extra slots only through the format score) and adds R_seq; trigger rewards
    /// are not part of it. `normalised = clamp(total / maximumTotal, 0, 1)`.
    public func rewards(_ layout: RolloutLayout, target: RolloutTarget, ctrProbability: (String) -> Double) -> RolloutRewards {
        let queries = layout.slots.enumerated().map { j, slot in
            queryReward(
                slot.text, reference: j < target.queries.count ? target.queries[j] : nil,
                ctrProbability: ctrProbability(slot.text), isTerminated: slot.isTerminated)
        }
        let list = listReward(layout, target: target)
        let triggers = layout.triggerGroups.enumerated().map { k, group in
            triggerReward(group.indices, reference: k < target.triggerGroups.count ? target.triggerGroups[k] : nil)
        }
        let wanted = max(1, target.requestedCount)
        let total = clip(queries.prefix(wanted).reduce(0, +) / Double(wanted) + list)
        let scale = maximumTotal
        let normalised = scale > 0 ? min(max(total / scale, 0), 1) : 0
        return RolloutRewards(queries: queries, list: list, triggers: triggers, total: total, normalised: normalised)
    }

    private func clip(_ reward: Double) -> Double {
        reward.isNaN ? 0 : min(max(reward, -settings.rewardClip), settings.rewardClip)
    }
}
