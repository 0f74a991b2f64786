// Training behaviour: the model learns, the schedule has its three phases, misuse is refused.
import Kernels
import LanguageModel
import Testing

@Suite("Training")
struct TrainingTests {
    /// A copy task: `k` random symbols, a separator, then the same symbols again. Only the copy is
    /// scored (the prompt is masked), so the model must learn to attend back across the separator.
    static func copyBatch(_ generator: inout SplitMix64, batchSize: Int, symbols: Int, length k: Int) -> ([Int32], [Int32]) {
        let separator = Int32(symbols)
        var tokens: [Int32] = [], targets: [Int32] = []
        for _ in 0..<batchSize {
            let prompt = (0..<k).map { _ in Int32(generator.next() % UInt64(symbols)) }
            let sequence = prompt + [separator] + prompt
            tokens += sequence
            // targets[t] = sequence[t + 1] inside the copy, masked elsewhere
            targets += (0..<sequence.count).map { t in t >= k && t + 1 < sequence.count ? sequence[t + 1] : -1 }
        }
        return (tokens, targets)
    }

    @Test func tinyModelLearnsToCopyToNearZeroLoss() throws {
        let (symbols, k, B) = (8, 6, 16)
        let T = 2 * k + 1
        let config = TransformerConfig(vocabularySize: symbols + 1, channels: 32, layers: 2, heads: 2, contextLength: T)
        let model = try Transformer(config: config, seed: 1)
        var optimizer = AdamW(weightDecay: 0)
        let steps = 400
        let schedule = LearningRateSchedule(maximum: 1e-2, minimum: 1e-3, warmupSteps: 20, decaySteps: steps)
        var generator = SplitMix64(seed: 2)
        var first: Float = 0, last: Float = 0
        for step in 0..<steps {
            let (tokens, targets) = Self.copyBatch(&generator, batchSize: B, symbols: symbols, length: k)
            let loss = try model.forward(tokens: tokens, targets: targets, batchSize: B, length: T)
            if step == 0 { first = loss }
            last = loss
            model.zeroGradients()
            try model.backward()
            model.clipGradients(maxNorm: 1)
            optimizer.update(model, learningRate: schedule.learningRate(step: step))
        }
        print("copy task: loss \(first) → \(last) after \(steps) steps")
        #expect(first > 1.5)
        #expect(last < 0.05)
    }

    @Test func scheduleWarmsUpDecaysAndFloors() {
        let schedule = LearningRateSchedule(maximum: 1, minimum: 0.1, warmupSteps: 4, decaySteps: 14)
        #expect(schedule.learningRate(step: 0) == 0.2)
        #expect(schedule.learningRate(step: 3) == 0.8)
        #expect(schedule.learningRate(step: 4) == 1)
        #expect(abs(schedule.learningRate(step: 9) - 0.55) < 1e-6)
        #expect(schedule.learningRate(step: 14) == 0.1)
        #expect(schedule.learningRate(step: 1000) == 0.1)
    }

    @Test func backwardWithoutTargetsIsRefused() throws {
        let model = try Transformer(config: TransformerConfig(vocabularySize: 5, channels: 8, layers: 1, heads: 2, contextLength: 4), seed: 3)
        try model.forward(tokens: [0, 1, 2, 3], batchSize: 1, length: 4)
        #expect(model.logits.count == 4 * 5)
        #expect(throws: LanguageModelError.self) { try model.backward() }
        #expect(throws: LanguageModelError.self) { try model.forward(tokens: [0, 9, 2, 3], batchSize: 1, length: 4) }
        #expect(throws: LanguageModelError.self) { try model.forward(tokens: [0, 1, 2, 3, 4], batchSize: 1, length: 5) }
    }

    @Test func invalidConfigSaysWhatToChange() {
        let error = #expect(throws: LanguageModelError.self) {
            try TransformerConfig(vocabularySize: 10, channels: 30, heads: 4).validate()
        }
        #expect(error?.message == "Invalid transformer config: 'channels' 30 is not a multiple of 'heads' 4; choose d = k·heads.")
    }

    /// The head runs only at target rows: masked rows change neither loss nor gradients.
    @Test func maskedPositionsCostNothingInTheLoss() throws {
        let config = TransformerConfig(vocabularySize: 7, channels: 8, layers: 1, heads: 2, contextLength: 6)
        let model = try Transformer(config: config, seed: 4)
        let tokens: [Int32] = [1, 2, 3, 4, 5, 6]
        let loss = try model.forward(tokens: tokens, targets: [-1, -1, -1, 5, -1, 0], batchSize: 1, length: 6)
        #expect(model.headRows == [3, 5])
        #expect(abs(loss - model.losses.reduce(0, +) / 2) < 1e-6)
        let allMasked = try model.forward(tokens: tokens, targets: [Int32](repeating: -1, count: 6), batchSize: 1, length: 6)
        #expect(allMasked == 0 && model.headRows.isEmpty)
        model.zeroGradients()
        try model.backward()
        #expect(model.gradients.pointer.allSatisfy { $0 == 0 })
    }
}
