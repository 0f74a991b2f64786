// One IL-GRPO step on a Transformer policy: sample G completions per prompt, score them, turn rewards
// into token advantages, skip prompts outside the reward band, then a few clipped-surrogate updates
// with AdamW. Parsing and rewards are the caller's closures (the grpo stage knows the vocabulary, the
// targets and the CTR model; this file knows none of them).
public import LanguageModel

/// Trains a policy with GRPO, one step per call.
///
/// ```swift
/// let trainer = try GRPOTrainer(policy: policy, reference: sft, settings: settings, stopTokens: [eos], seed: 7)
/// for _ in 0..<steps {
///     let log = try trainer.step(prompts: batch.map(\.prompt)) { p, completion in
///         parser.layout(completion)
///     } reward: { p, completion, layout in
///         rewardFunction.rewards(layout, target: batch[p].target) { ctr(batch[p].user, $0) }
///     }
///     print(try log.jsonLine())
/// }
/// ```
///
/// Determinism: rollout `s` of prompt `p` at step `n` samples from
/// `Transformer.sampleSeed(GRPOTrainer.promptSeed(seed, step: n, prompt: p), s)`, generation does not depend
/// on batch composition, and the updates run in a fixed order, so the same policy, prompts, closures,
/// settings and seed give the same parameters.
///
/// Old log-probs are the policy's own (full softmax at temperature 1) before the step's first update,
/// computed in that update's forward pass, so the first update has ratio exactly 1 and clipping acts
/// from the second (`updatesPerStep`). The sampler's top-k truncation is not part of them, as in trl.
public final class GRPOTrainer {
    /// The policy being trained.
    public let policy: Transformer
    /// The SFT reference for the KL term and the logged KL, or nil.
    public let reference: Transformer?
    /// The coefficients.
    public let settings: GRPOSettings
    /// Tokens that end a rollout (kept as its last token), e.g. `<eos>`.
    public let stopTokens: Set<Int32>
    /// The seed every rollout's seed derives from.
    public let seed: UInt64
    /// Steps taken (the next step's number; starts at `firstStep`).
    public private(set) var steps: Int
    private var optimizer: AdamW

    /// Sequences per `generate` call (bounds the KV cache; results do not depend on it).
    static let sequencesPerGeneration = 128

    /// A trainer with a fresh AdamW state.
    /// - Parameters:
    ///   - firstStep: the number of the first step, for the entropy-bonus schedule of a continued run.
    /// - Throws: when the settings are out of range or the reference has another shape than the policy.
    public init(
        policy: Transformer, reference: Transformer? = nil, settings: GRPOSettings, stopTokens: Set<Int32>, seed: UInt64,
        firstStep: Int = 0
    ) throws(PolicyOptimizationError) {
        try settings.validate()
        if let reference, reference.config != policy.config {
            throw .invalidInput("the reference model's config \(reference.config) differs from the policy's \(policy.config)")
        }
        self.policy = policy
        self.reference = reference
        self.settings = settings
        self.stopTokens = stopTokens
        self.seed = seed
        steps = firstStep
        optimizer = AdamW(weightDecay: Float(settings.weightDecay))
    }

    /// The seed of prompt `prompt`'s rollouts at step `step` (rollout s: `Transformer.sampleSeed(·, s)`).
    public static func promptSeed(_ seed: UInt64, step: Int, prompt: Int) -> UInt64 {
        var base = SplitMix64(seed: seed)
        var perStep = SplitMix64(seed: base.next() ^ (UInt64(truncatingIfNeeded: step) &* 0xD1B5_4A32_D192_ED03))
        var perPrompt = SplitMix64(seed: perStep.next() ^ (UInt64(truncatingIfNeeded: prompt) &* 0x94D0_49BB_1331_11EB))
        return perPrompt.next()
    }

    /// One step: G rollouts per prompt, rewards, advantages, the skip band, `updatesPerStep` updates.
    /// - Parameters:
    ///   - prompts: token ids of each prompt (non-empty, shorter than the context).
    ///   - parse: the layout of prompt `p`'s completion; its `tokenCount` must be the completion's length.
    ///   - reward: the rewards of prompt `p`'s completion, one per slot and trigger group of its layout.
    /// - Returns: the step's figures.
    public func step(
        prompts: [[Int32]], parse: (_ prompt: Int, _ completion: [Int32]) -> RolloutLayout,
        reward: (_ prompt: Int, _ completion: [Int32], _ layout: RolloutLayout) -> RolloutRewards
    ) throws(PolicyOptimizationError) -> GRPOStepLog {
        guard !prompts.isEmpty else { throw .invalidInput("a step needs at least one prompt") }
        let step = steps
        let G = settings.groupSize
        let completions = try sample(prompts, step: step)

        // Rewards and advantages per group; the skip band.
        var trained: [Rollout] = []
        var allRewards: [RolloutRewards] = []
        var skipped = 0, zeroVariance = 0
        for p in prompts.indices {
            let group = Array(completions[(p * G)..<((p + 1) * G)])
            var layouts: [RolloutLayout] = [], rewards: [RolloutRewards] = []
            for completion in group {
                let layout = parse(p, completion)
                guard layout.tokenCount == completion.count else {
                    throw .invalidInput(
                        "prompt \(p): the layout has \(layout.tokenCount) tokens for a completion of \(completion.count); "
                            + "the parser must cover every generated token")
                }
                layouts.append(layout)
                rewards.append(reward(p, completion, layout))
            }
            let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: settings)
            allRewards += rewards
            if TokenAdvantages.isZeroVariance(advantages) { zeroVariance += 1 }
            guard settings.keepsPrompt(meanReward: GroupNormalisation.mean(rewards.map(\.normalised))) else {
                skipped += 1
                continue
            }
            for (completion, tokenAdvantages) in zip(group, advantages) {
                trained.append(Rollout(prompt: prompts[p], completion: completion, advantages: tokenAdvantages))
            }
        }

        let update = try train(trained, step: step)
        steps += 1
        let count = Double(allRewards.count)
        return GRPOStepLog(
            step: step, prompts: prompts.count, rollouts: allRewards.count,
            rewardMean: allRewards.reduce(0) { $0 + $1.total } / count,
            normalisedRewardMean: allRewards.reduce(0) { $0 + $1.normalised } / count,
            listRewardMean: allRewards.reduce(0) { $0 + $1.list } / count,
            klToReference: update.kl, entropyMean: update.entropyMean,
            entropyCoefficient: settings.entropyCoefficient(step: step),
            skippedPromptShare: Double(skipped) / Double(prompts.count),
            zeroVarianceGroupShare: Double(zeroVariance) / Double(prompts.count),
            clipFraction: update.clipFraction, tokens: update.tokens, gradientNorm: update.gradientNorm)
    }

    // MARK: - Rollouts

    /// One trained rollout: its prompt, completion and per-token advantages.
    struct Rollout {
        var prompt: [Int32]
        var completion: [Int32]
        var advantages: [Double]
        var length: Int { prompt.count + completion.count - 1 }
    }

    /// G completions per prompt, prompt-major (prompt 0's rollouts first).
    private func sample(_ prompts: [[Int32]], step: Int) throws(PolicyOptimizationError) -> [[Int32]] {
        let G = settings.groupSize
        let options = SamplingOptions(
            temperature: Float(settings.temperature), topK: settings.topK,
            maxNewTokens: settings.maxNewTokens > 0 ? settings.maxNewTokens : policy.config.contextLength,
            stopTokens: stopTokens)
        let perCall = max(1, Self.sequencesPerGeneration / G)
        var completions: [[Int32]] = []
        for start in stride(from: 0, to: prompts.count, by: perCall) {
            let requests = (start..<min(start + perCall, prompts.count)).map {
                GenerationRequest(prompt: prompts[$0], seed: Self.promptSeed(seed, step: step, prompt: $0))
            }
            completions += try model { () throws(LanguageModelError) in try policy.generate(requests, options: options, samples: G) }
        }
        return completions
    }

    // MARK: - Updates

    /// A packed micro-batch and its advantages in head-row order.
    struct MicroBatch {
        var tokens: [Int32], targets: [Int32]
        var batchSize: Int, length: Int
        var advantages: [Double]
    }

    struct UpdateFigures {
        var tokens = 0
        var kl: Double?
        var entropyMean: Double?
        var clipFraction = 0.0
        var gradientNorm: Double?
    }

    /// `updatesPerStep` AdamW updates over `rollouts` (gradients accumulated over micro-batches, each token
    /// weighted 1/N for the N tokens of all of them).
    private func train(_ rollouts: [Rollout], step: Int) throws(PolicyOptimizationError) -> UpdateFigures {
        var figures = UpdateFigures()
        if rollouts.isEmpty { return figures }
        let batches = try microBatches(rollouts)
        let N = rollouts.reduce(0) { $0 + $1.completion.count }
        figures.tokens = N
        let coefficient = settings.entropyCoefficient(step: step)

        var referenceLogProbabilities: [[Float]]? = nil
        if let reference {
            var all: [[Float]] = []
            for batch in batches {
                try model { () throws(LanguageModelError) in
                    try reference.forward(tokens: batch.tokens, targets: batch.targets, batchSize: batch.batchSize, length: batch.length)
                }
                all.append(reference.logProbabilities)
            }
            referenceLogProbabilities = all
        }

        // Per micro-batch, from the first update's forward passes (the policy before the step): log-probs,
        // entropies, and then ε per token from the entropy percentile of the whole batch.
        var old: [[Float]] = [], entropies: [[Float]] = [], epsilons: [[Double]] = []
        var klSum = 0.0, clipped = 0, counted = 0
        for update in 0..<settings.updatesPerStep {
            policy.zeroGradients()
            for (m, batch) in batches.enumerated() {
                let options: Transformer.ForwardOptions = update == 0 || coefficient != 0 ? .entropies : []
                try model { () throws(LanguageModelError) in
                    try policy.forward(
                        tokens: batch.tokens, targets: batch.targets, batchSize: batch.batchSize, length: batch.length, options: options)
                }
                let new = policy.logProbabilities
                if update == 0 {
                    old.append(new)
                    entropies.append(policy.entropies)
                }
                // On the first update new == old, so every ratio is exactly 1 and ε does not matter yet.
                let weights = try PolicyLoss.weights(
                    oldLogProbabilities: old[m], newLogProbabilities: new, advantages: batch.advantages,
                    epsilons: update == 0 ? [Double](repeating: settings.epsilonLow, count: new.count) : epsilons[m],
                    referenceLogProbabilities: referenceLogProbabilities?[m], entropyCoefficient: coefficient,
                    klCoefficient: settings.klCoefficient, tokenCount: N)
                if update == 0, let kl = weights.kl { klSum += kl * Double(new.count) }
                if update > 0 {
                    clipped += weights.clippedTokens
                    counted += new.count
                }
                try model { () throws(LanguageModelError) in
                    try policy.backward(logProbabilityWeights: weights.logProbability, entropyWeights: weights.entropy)
                }
            }
            if update == 0 {
                let all = entropies.joined().map(Double.init)
                figures.entropyMean = all.reduce(0, +) / Double(max(all.count, 1))
                let bounds = EntropyClipping.epsilons(entropies: all, settings: settings)
                var start = 0
                for batch in entropies {
                    epsilons.append(Array(bounds[start..<(start + batch.count)]))
                    start += batch.count
                }
            }
            figures.gradientNorm = Double(policy.clipGradients(maxNorm: Float(settings.maxGradientNorm)))
            optimizer.update(policy, learningRate: Float(settings.learningRate))
        }
        figures.kl = reference == nil ? nil : klSum / Double(N)
        figures.clipFraction = counted == 0 ? 0 : Double(clipped) / Double(counted)
        return figures
    }

    /// Rollouts sorted by length (ties in their order) and packed `microBatchSize` at a time; lengths are
    /// rounded up to a multiple of 16 (fewer activation shapes), within the context.
    private func microBatches(_ rollouts: [Rollout]) throws(PolicyOptimizationError) -> [MicroBatch] {
        let order = rollouts.indices.sorted { (rollouts[$0].length, $0) < (rollouts[$1].length, $1) }
        var batches: [MicroBatch] = []
        for start in stride(from: 0, to: order.count, by: settings.microBatchSize) {
            let members = order[start..<min(start + settings.microBatchSize, order.count)].map { rollouts[$0] }
            let longest = members.map(\.length).max() ?? 1
            let T = min(policy.config.contextLength, (longest + 15) / 16 * 16)
            let packed = try model { () throws(LanguageModelError) in
                try TokenBatch.promptCompletion(
                    prompts: members.map(\.prompt), completions: members.map(\.completion), length: T, pad: 0)
            }
            batches.append(
                MicroBatch(
                    tokens: packed.tokens, targets: packed.targets, batchSize: members.count, length: T,
                    advantages: members.flatMap(\.advantages)))
        }
        return batches
    }

    /// Runs a model call, turning its error into this module's.
    @discardableResult
    private func model<T>(_ body: () throws(LanguageModelError) -> T) throws(PolicyOptimizationError) -> T {
        do {
            return try body()
        } catch {
            throw .model(error.message)
        }
    }
}
