// Every coefficient of IL-GRPO (spec §5, paper notes §4) with its default and where the default comes
// from: "[paper]" = stated in AIGQ (arXiv 2603.19710), "[DAPO]" = Yu et al. 2025 (arXiv 2503.14476),
// "[trl]" / "[DeepSeekMath]" = the GRPO references of the paper notes §8.3, "[ours]" = not stated
// anywhere we follow, our choice.

/// The coefficients of one IL-GRPO run. Start from ``init()`` (the documented defaults) and change
/// what a pipeline param overrides; ``validate()`` says which value is out of range.
///
/// ```swift
/// var settings = GRPOSettings()
/// settings.listWeight = 0.5
/// try settings.validate()
/// ```
public struct GRPOSettings: Sendable, Hashable, Codable {
    /// How token advantages are made.
    public enum AdvantageMode: String, Sendable, Hashable, Codable, CaseIterable {
        /// IL-GRPO: per-slot query advantage + λ·list advantage; triggers get their own (paper Eqs. 11–17).
        case interestLevel = "il_grpo"
        /// The "GRPO" ablation rows: one group-normalised advantage of the total reward for every token.
        case sequence = "grpo"
    }

    // MARK: - Rollouts

    /// G: completions sampled per prompt, fresh every step. Default 8 [paper §5.1.4].
    public var groupSize = 8
    /// Sampling temperature of the rollouts. Default 1.0 [paper].
    public var temperature = 1.0
    /// Rollouts draw from the k most likely tokens. Default 100 [paper].
    public var topK = 100
    /// Tokens generated at most per rollout; 0 = until the end token or the full context. Default 0 [ours].
    public var maxNewTokens = 0

    // MARK: - Query reward: w_ctr·clip(γ·p̂, 0, β) + w_rouge·ROUGE-L(q_j, ref_j) + w_len·len_term(q_j)

    /// w_ctr, weight of the clipped CTR score. Default 1 [ours; the paper calls it "a primary component"].
    public var ctrWeight = 1.0
    /// γ, linear scale of the CTR probability (spreads small click probabilities). Default 10 [ours:
    /// a 10 % click probability scores 1].
    public var ctrScale = 10.0
    /// β, upper cap of the scaled CTR score. Default 1 [ours].
    public var ctrCap = 1.0
    /// w_rouge, weight of ROUGE-L F against the j-th reference query. Default 1 [ours].
    public var rougeWeight = 1.0
    /// w_len, weight of the length term (``RewardFunction/lengthTerm(words:isTerminated:)``, in [−1, 0]).
    /// Default 0.2 [ours].
    public var lengthWeight = 0.2
    /// Length term: a query of `minimumWords...maximumWords` words costs nothing. Default 1 [ours].
    public var minimumWords = 1
    /// Length term: beyond this many words the term falls linearly, −1 at twice as many. Default 10 [ours:
    /// the synthetic queries have 1–4 English words or up to ~8 CJK characters, each a word].
    public var maximumWords = 10

    // MARK: - List reward: w_fmt·format score + repetition penalty

    /// w_fmt, weight of the format score (in [0, 1], ``RewardFunction/formatScore(_:target:)``). Default 1 [ours].
    public var formatWeight = 1.0
    /// Penalty per query that repeats or near-repeats an earlier query of the list. Default 0.5 [ours:
    /// more than the w_fmt/4K ≤ 0.25 a missing query costs in the format score, so dropping a duplicate pays].
    public var repetitionWeight = 0.5
    /// Two queries are near-duplicates when their ROUGE-L F is at least this. Default 0.8 [ours:
    /// "hiking boots" vs "waterproof hiking boots" is 0.8, "red hiking boots" vs "blue hiking boots" 0.67].
    public var nearDuplicateThreshold = 0.8

    // MARK: - Advantages

    /// IL-GRPO or the sequence-GRPO ablation. Default IL-GRPO [paper].
    public var advantageMode = AdvantageMode.interestLevel
    /// λ, weight of the group-normalised list advantage added to query tokens. Default 1 [ours].
    public var listWeight = 1.0
    /// Every reward (query, list, trigger, total) is clipped to ±this. Default 10 [paper §5.1.4].
    public var rewardClip = 10.0
    /// Every token advantage is clipped to ±this. Default 2 [paper §5.1.4].
    public var advantageClip = 2.0
    /// Normalisation divides by max(σ, this), σ the population std of the group [paper: "population
    /// std with a small ε"]; a group of equal rewards gives exactly 0. Default 1e-4 [ours; trl adds 1e-4].
    public var stdFloor = 1e-4

    // MARK: - Loss

    /// ε_low, clip bound of tokens below the entropy percentile. Default 0.2 [PPO / trl; DAPO's ε_low].
    public var epsilonLow = 0.2
    /// ε_high, clip bound of tokens at or above the entropy percentile. Default 0.28 [DAPO "clip-higher";
    /// the paper only says ε_high > ε_low].
    public var epsilonHigh = 0.28
    /// Tokens whose entropy is at or above this percentile of the batch's token entropies get ε_high.
    /// Default 0.8 [paper §3.5.4].
    public var entropyPercentile = 0.8
    /// Entropy bonus coefficient at step 0. Default 1e-3 [ours; the paper gives no value].
    public var entropyBonusStart = 1e-3
    /// Entropy bonus coefficient from `entropyBonusSteps` on. Default 0 [ours].
    public var entropyBonusEnd = 0.0
    /// Steps over which the entropy bonus falls linearly from start to end. Default 100 [ours].
    public var entropyBonusSteps = 100
    /// KL (k3 estimator) to the SFT reference; 0 = off. Default 0 [paper: no KL term; DeepSeekMath uses 0.04].
    public var klCoefficient = 0.0
    /// Prompts whose mean normalised reward is below this are skipped. Default 0.1 [paper §5.1.4].
    public var skipBelow = 0.1
    /// Prompts whose mean normalised reward is above this are skipped. Default 0.95 [paper §5.1.4].
    public var skipAbove = 0.95

    // MARK: - Optimiser

    /// AdamW learning rate, constant. Default 1e-4 [ours: the paper's 1e-6 is for a 30B model; this is a
    /// fifth of the sft stage's warm-start rate].
    public var learningRate = 1e-4
    /// Global gradient-norm bound. Default 1 [ours, as sft].
    public var maxGradientNorm = 1.0
    /// AdamW weight decay. Default 0 [ours; trl's default].
    public var weightDecay = 0.0
    /// Policy updates per batch of rollouts (PPO epochs). The first update has ratio 1, so clipping acts
    /// from the second. Default 2 [ours; DeepSeekMath and trl take 1, the paper's clipping needs more].
    public var updatesPerStep = 2
    /// Rollouts per forward/backward pass (gradients accumulate over the batch). Default 16 [ours].
    public var microBatchSize = 16

    /// The defaults above.
    public init() {}

    /// The entropy bonus coefficient at `step` (0-based): linear from `entropyBonusStart` to
    /// `entropyBonusEnd` over `entropyBonusSteps`, then constant.
    public func entropyCoefficient(step: Int) -> Double {
        guard step < entropyBonusSteps else { return entropyBonusEnd }
        let progress = Double(max(0, step)) / Double(entropyBonusSteps)
        return entropyBonusStart + (entropyBonusEnd - entropyBonusStart) * progress
    }

    /// Whether a prompt whose rollouts' mean normalised reward is `meanReward` is trained on:
    /// `skipBelow ≤ meanReward ≤ skipAbove`.
    public func keepsPrompt(meanReward: Double) -> Bool {
        meanReward >= skipBelow && meanReward <= skipAbove
    }

    /// Throws, naming the value, unless every coefficient lies in its range.
    public func validate() throws(PolicyOptimizationError) {
        for (name, value) in [
            ("groupSize", groupSize), ("topK", topK), ("minimumWords", minimumWords), ("updatesPerStep", updatesPerStep),
            ("microBatchSize", microBatchSize),
        ] where value < 1 {
            throw .invalidSettings("'\(name)' is \(value); it must be at least 1")
        }
        for (name, value) in [("maxNewTokens", maxNewTokens), ("entropyBonusSteps", entropyBonusSteps)] where value < 0 {
            throw .invalidSettings("'\(name)' is \(value); it must not be negative")
        }
        let nonNegative = [
            ("temperature", temperature), ("ctrWeight", ctrWeight), ("ctrScale", ctrScale), ("ctrCap", ctrCap),
            ("rougeWeight", rougeWeight), ("lengthWeight", lengthWeight), ("formatWeight", formatWeight),
            ("repetitionWeight", repetitionWeight), ("listWeight", listWeight), ("rewardClip", rewardClip),
            ("advantageClip", advantageClip), ("epsilonLow", epsilonLow), ("epsilonHigh", epsilonHigh),
            ("entropyBonusStart", entropyBonusStart), ("entropyBonusEnd", entropyBonusEnd),
            ("klCoefficient", klCoefficient), ("learningRate", learningRate), ("maxGradientNorm", maxGradientNorm),
            ("weightDecay", weightDecay),
        ]
        for (name, value) in nonNegative where !(value >= 0) || !value.isFinite {
            throw .invalidSettings("'\(name)' is \(value); it must be a finite number ≥ 0")
        }
        if maximumWords < minimumWords {
            throw .invalidSettings("'maximumWords' \(maximumWords) is below 'minimumWords' \(minimumWords)")
        }
        if !(stdFloor > 0) || !stdFloor.isFinite {
            throw .invalidSettings("'stdFloor' is \(stdFloor); it must be positive, e.g. 1e-4")
        }
        if epsilonLow >= 1 || epsilonHigh >= 1 {
            throw .invalidSettings("'epsilonLow' \(epsilonLow) and 'epsilonHigh' \(epsilonHigh) must be below 1, e.g. 0.2 and 0.28")
        }
        for (name, value) in [("entropyPercentile", entropyPercentile), ("nearDuplicateThreshold", nearDuplicateThreshold)]
        where !(value >= 0 && value <= 1) {
            throw .invalidSettings("'\(name)' is \(value); it must lie in [0, 1]")
        }
        if !(skipBelow <= skipAbove) {
            throw .invalidSettings("the skip band ['skipBelow' \(skipBelow), 'skipAbove' \(skipAbove)] is empty; e.g. [0.1, 0.95]")
        }
    }
}
