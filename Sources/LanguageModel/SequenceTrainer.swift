// Supervised training on (prompt, completion) pairs: seeded shuffling, length-bucketed batches,
// AdamW with warm-up and cosine decay, gradient clipping, and a held-out loss.

/// One training example: the loss covers the completion tokens only (the prompt is masked).
public struct TrainingExample: Sendable, Hashable {
    /// The prompt's token ids (non-empty).
    public var prompt: [Int32]
    /// The completion's token ids.
    public var completion: [Int32]

    /// An example.
    public init(prompt: [Int32], completion: [Int32]) {
        self.prompt = prompt
        self.completion = completion
    }

    /// Tokens fed to the model: `prompt + completion` minus the last token.
    public var length: Int { prompt.count + completion.count - 1 }
}

/// How a ``SequenceTrainer`` trains.
public struct TrainingOptions: Sendable, Hashable {
    /// Examples per step.
    public var batchSize: Int
    /// The learning-rate schedule (steps counted from this trainer's first step).
    public var schedule: LearningRateSchedule
    /// Global gradient-norm bound.
    public var maxGradientNorm: Float
    /// AdamW's decoupled weight decay.
    public var weightDecay: Float
    /// Seed of the example order.
    public var seed: UInt64
    /// Batch lengths are rounded up to a multiple of this (fewer distinct activation shapes).
    public var lengthQuantum: Int

    /// Options.
    public init(
        batchSize: Int, schedule: LearningRateSchedule, maxGradientNorm: Float = 1, weightDecay: Float = 0.1,
        seed: UInt64, lengthQuantum: Int = 16
    ) {
        self.batchSize = batchSize
        self.schedule = schedule
        self.maxGradientNorm = maxGradientNorm
        self.weightDecay = weightDecay
        self.seed = seed
        self.lengthQuantum = lengthQuantum
    }
}

/// What one optimiser step did.
public struct TrainingStep: Sendable, Hashable {
    /// 1-based step number of this trainer.
    public var step: Int
    /// Steps this trainer will take in all.
    public var totalSteps: Int
    /// Mean token loss of the batch (before the update).
    public var loss: Float
    /// Learning rate used.
    public var learningRate: Float
    /// Gradient norm before clipping.
    public var gradientNorm: Float
    /// Completion tokens in the batch.
    public var tokens: Int
}

/// Trains a ``Transformer`` on examples with token cross-entropy over the completions.
///
/// ```swift
/// let trainer = SequenceTrainer(model: model, options: options)
/// try trainer.train(examples, steps: 500) { step in print(step.loss) }
/// let heldOut = try trainer.meanLoss(validation)
/// ```
/// Same model, examples, options and seed ⇒ the same parameters, at any thread count.
public final class SequenceTrainer {
    /// The model being trained.
    public let model: Transformer
    /// The options.
    public let options: TrainingOptions
    private var optimizer: AdamW
    private var generator: SplitMix64
    private var batches: [[Int]] = []
    private var cursor = 0
    /// Steps taken so far.
    public private(set) var steps = 0

    /// A trainer for `model` (a fresh AdamW state).
    public init(model: Transformer, options: TrainingOptions) {
        self.model = model
        self.options = options
        optimizer = AdamW(weightDecay: options.weightDecay)
        generator = SplitMix64(seed: options.seed)
    }

    /// Takes `steps` optimiser steps over `examples` (epochs of a seeded order; each batch holds examples
    /// of similar length) and calls `progress` after each.
    /// - Throws: when an example does not fit the context or is empty.
    public func train(
        _ examples: [TrainingExample], steps total: Int, progress: (TrainingStep) -> Void = { _ in }
    ) throws(LanguageModelError) {
        guard !examples.isEmpty, total > 0 else { return }
        try check(examples)
        let pad = Int32(0)
        for _ in 0..<total {
            let batch = nextBatch(examples)
            let T = quantised(batch.map { examples[$0].length }.max() ?? 1)
            let packed = try TokenBatch.promptCompletion(
                prompts: batch.map { examples[$0].prompt }, completions: batch.map { examples[$0].completion },
                length: T, pad: pad)
            model.zeroGradients()
            let loss = try model.forward(tokens: packed.tokens, targets: packed.targets, batchSize: batch.count, length: T)
            try model.backward()
            let norm = model.clipGradients(maxNorm: options.maxGradientNorm)
            let rate = options.schedule.learningRate(step: steps)
            optimizer.update(model, learningRate: rate)
            steps += 1
            progress(
                TrainingStep(
                    step: steps, totalSteps: total, loss: loss, learningRate: rate, gradientNorm: norm,
                    tokens: model.headRows.count))
        }
    }

    /// The mean completion-token loss of the model over `examples` (no update), in batches of `batchSize`.
    public func meanLoss(_ examples: [TrainingExample]) throws(LanguageModelError) -> Float {
        try check(examples)
        var total = 0.0, count = 0
        let sorted = examples.indices.sorted { examples[$0].length < examples[$1].length }
        var start = 0
        while start < sorted.count {
            let batch = Array(sorted[start..<min(start + options.batchSize, sorted.count)])
            start += batch.count
            let T = quantised(batch.map { examples[$0].length }.max() ?? 1)
            let packed = try TokenBatch.promptCompletion(
                prompts: batch.map { examples[$0].prompt }, completions: batch.map { examples[$0].completion },
                length: T, pad: 0)
            let loss = try model.forward(tokens: packed.tokens, targets: packed.targets, batchSize: batch.count, length: T)
            let tokens = model.headRows.count
            total += Double(loss) * Double(tokens)
            count += tokens
        }
        return count == 0 ? 0 : Float(total / Double(count))
    }

    /// The next batch: the following `batchSize` examples of the shuffled order, where the order is cut
    /// into windows of 16 batches sorted by length (little padding, still random across windows).
    private func nextBatch(_ examples: [TrainingExample]) -> [Int] {
        if cursor >= batches.count {
            var order = Array(examples.indices)
            order.shuffle(using: &generator)
            let window = options.batchSize * 16
            batches = []
            var start = 0
            while start < order.count {
                let sorted = order[start..<min(start + window, order.count)].sorted {
                    (examples[$0].length, $0) < (examples[$1].length, $1)
                }
                batches += stride(from: 0, to: sorted.count, by: options.batchSize).map {
                    Array(sorted[$0..<min($0 + options.batchSize, sorted.count)])
                }
                start += window
            }
            // Batches in a random order, so short and long ones alternate.
            batches.shuffle(using: &generator)
            cursor = 0
        }
        defer { cursor += 1 }
        return batches[cursor]
    }

    private func quantised(_ length: Int) -> Int {
        let q = max(1, options.lengthQuantum)
        return min(model.config.contextLength, (length + q - 1) / q * q)
    }

    private func check(_ examples: [TrainingExample]) throws(LanguageModelError) {
        for (index, example) in examples.enumerated() {
            guard !example.prompt.isEmpty, !example.completion.isEmpty, example.length <= model.config.contextLength else {
                throw .invalidInput(
                    "example \(index): prompt \(example.prompt.count) + completion \(example.completion.count) tokens "
                        + "do not fit the context of \(model.config.contextLength) (both must be non-empty); cut the prompt or widen the context")
            }
        }
    }
}
