// What one GRPO step did, as one JSON object per step (a JSON Lines file makes the training plots).
import Foundation

/// The figures of one step.
///
/// ```swift
/// let log = try trainer.step(prompts: prompts, parse: parse, reward: reward)
/// try handle.write(contentsOf: Array((log.jsonLine() + "\n").utf8))
/// ```
/// JSON keys are snake_case; a figure that does not apply (no reference model, nothing trained) is `null`.
public struct GRPOStepLog: Sendable, Hashable, Codable {
    /// 0-based step number.
    public var step: Int
    /// Prompts in the step.
    public var prompts: Int
    /// Rollouts sampled (prompts × G).
    public var rollouts: Int
    /// Mean total reward over every rollout (skipped prompts included).
    public var rewardMean: Double
    /// Mean normalised reward (the skip band's measure) over every rollout.
    public var normalisedRewardMean: Double
    /// Mean list reward R_seq over every rollout.
    public var listRewardMean: Double
    /// Mean k3 estimate of KL(policy ‖ SFT reference) over the trained tokens, before the update; nil
    /// without a reference model.
    public var klToReference: Double?
    /// Mean next-token entropy of the trained tokens under the policy before the update; nil when nothing
    /// was trained.
    public var entropyMean: Double?
    /// The entropy bonus coefficient used.
    public var entropyCoefficient: Double
    /// Share of prompts skipped by the reward band.
    public var skippedPromptShare: Double
    /// Share of prompts whose advantages are all exactly zero (every reward they were normalised by was
    /// equal), skipped or not.
    public var zeroVarianceGroupShare: Double
    /// Share of trained tokens whose clip bound bound, over the updates after the first (0 with one update:
    /// the first update has ratio 1).
    public var clipFraction: Double
    /// Completion tokens trained on.
    public var tokens: Int
    /// Global gradient norm of the last update before clipping; nil when nothing was trained.
    public var gradientNorm: Double?

    /// A log entry.
    public init(
        step: Int, prompts: Int, rollouts: Int, rewardMean: Double, normalisedRewardMean: Double, listRewardMean: Double,
        klToReference: Double?, entropyMean: Double?, entropyCoefficient: Double, skippedPromptShare: Double,
        zeroVarianceGroupShare: Double, clipFraction: Double, tokens: Int, gradientNorm: Double?
    ) {
        self.step = step
        self.prompts = prompts
        self.rollouts = rollouts
        self.rewardMean = rewardMean
        self.normalisedRewardMean = normalisedRewardMean
        self.listRewardMean = listRewardMean
        self.klToReference = klToReference
        self.entropyMean = entropyMean
        self.entropyCoefficient = entropyCoefficient
        self.skippedPromptShare = skippedPromptShare
        self.zeroVarianceGroupShare = zeroVarianceGroupShare
        self.clipFraction = clipFraction
        self.tokens = tokens
        self.gradientNorm = gradientNorm
    }

    enum CodingKeys: String, CodingKey {
        case step, prompts, rollouts, tokens
        case rewardMean = "reward_mean"
        case normalisedRewardMean = "normalised_reward_mean"
        case listRewardMean = "list_reward_mean"
        case klToReference = "kl_to_reference"
        case entropyMean = "entropy_mean"
        case entropyCoefficient = "entropy_coefficient"
        case skippedPromptShare = "skipped_prompt_share"
        case zeroVarianceGroupShare = "zero_variance_group_share"
        case clipFraction = "clip_fraction"
        case gradientNorm = "gradient_norm"
    }

    /// Encodes every key, `null` for an absent figure (so every line of a log has the same columns).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(step, forKey: .step)
        try container.encode(prompts, forKey: .prompts)
        try container.encode(rollouts, forKey: .rollouts)
        try container.encode(rewardMean, forKey: .rewardMean)
        try container.encode(normalisedRewardMean, forKey: .normalisedRewardMean)
        try container.encode(listRewardMean, forKey: .listRewardMean)
        try container.encode(klToReference, forKey: .klToReference)
        try container.encode(entropyMean, forKey: .entropyMean)
        try container.encode(entropyCoefficient, forKey: .entropyCoefficient)
        try container.encode(skippedPromptShare, forKey: .skippedPromptShare)
        try container.encode(zeroVarianceGroupShare, forKey: .zeroVarianceGroupShare)
        try container.encode(clipFraction, forKey: .clipFraction)
        try container.encode(tokens, forKey: .tokens)
        try container.encode(gradientNorm, forKey: .gradientNorm)
    }

    /// One line of JSON, keys sorted; NaN and infinities as the strings "NaN", "Infinity", "-Infinity".
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
