// What GRPO needs from the model: log-probabilities and entropies of given completions (head only at
// completion positions) and the gradient of any per-token weighted log-probability loss.
import Foundation
import LanguageModel
import Testing

@Suite("Completions")
struct CompletionTests {
    static let config = TransformerConfig(vocabularySize: 11, channels: 8, layers: 1, heads: 2, contextLength: 8)

    @Test func batchesMarkOnlyCompletionTokensAsTargets() throws {
        let (tokens, targets) = try TokenBatch.promptCompletion(prompts: [[1, 2], [3]], completions: [[4, 5, 6], [7]], length: 5, pad: 0)
        #expect(tokens == [1, 2, 4, 5, 6, 3, 7, 0, 0, 0])
        #expect(targets == [-1, 4, 5, 6, -1, 7, -1, -1, -1, -1])
    }

    @Test func logProbabilitiesAndEntropiesMatchFullLogits() throws {
        let model = try Transformer(config: Self.config, seed: 8)
        let (tokens, targets) = try TokenBatch.promptCompletion(prompts: [[1, 2, 3], [4]], completions: [[5, 6], [7, 8, 9]], length: 5, pad: 0)
        try model.forward(tokens: tokens, targets: targets, batchSize: 2, length: 5, options: .entropies)
        #expect(model.headRows == [2, 3, 5, 6, 7])
        let logProbabilities = model.logProbabilities, entropies = model.entropies
        try model.forward(tokens: tokens, batchSize: 2, length: 5)
        let V = Self.config.vocabularySize
        let rows = [2, 3, 5, 6, 7]
        for i in rows.indices {
            let row = rows[i]
            let logits = Array(model.logits[(row * V)..<((row + 1) * V)]).map(Double.init)
            let shift = logits.max() ?? 0
            var total = 0.0
            for value in logits { total += exp(value - shift) }
            let logp = logits.map { $0 - shift - log(total) }
            var entropy = 0.0
            for value in logp { entropy -= exp(value) * value }
            #expect(abs(Double(logProbabilities[i]) - logp[Int(targets[row])]) < 1e-5)
            #expect(abs(Double(entropies[i]) - entropy) < 1e-5)
        }
    }

    /// ∂/∂θ of Σ w·log p + Σ e·H, against central differences on a few parameters of every tensor.
    @Test func weightedLogProbabilityGradientMatchesFiniteDifferences() throws {
        let (tokens, targets) = try TokenBatch.promptCompletion(prompts: [[1, 2], [3, 4, 5]], completions: [[6, 7, 8], [9]], length: 5, pad: 0)
        let weights: [Float] = [0.7, -1.3, 0.4, 2.0], entropyWeights: [Float] = [0.5, -0.2, 0.3, 1.0]
        let start = try Transformer(config: Self.config, seed: 9)
        let values = Array(start.parameters.pointer)
        func objective(_ parameters: [Float]) throws -> Double {
            let model = try Transformer(config: Self.config, parameters: parameters)
            try model.forward(tokens: tokens, targets: targets, batchSize: 2, length: 5, options: .entropies)
            let logp = model.logProbabilities, entropies = model.entropies
            var total = 0.0
            for i in weights.indices {
                total += Double(weights[i]) * Double(logp[i]) + Double(entropyWeights[i]) * Double(entropies[i])
            }
            return total
        }
        try start.forward(tokens: tokens, targets: targets, batchSize: 2, length: 5, options: .entropies)
        start.zeroGradients()
        try start.backward(logProbabilityWeights: weights, entropyWeights: entropyWeights)
        let gradients = Array(start.gradients.pointer)
        var generator = SplitMix64(seed: 10)
        for tensor in ParameterTensor.allCases {
            let range = start.layout.range(of: tensor)
            for _ in 0..<3 {
                let i = range.lowerBound + Int(generator.next() % UInt64(range.count))
                var plus = values, minus = values
                plus[i] += 3e-3
                minus[i] -= 3e-3
                let numeric = (try objective(plus) - objective(minus)) / 6e-3
                #expect(abs(numeric - Double(gradients[i])) <= 1e-2 * (1 + abs(numeric)), "\(tensor)[\(i - range.lowerBound)]")
            }
        }
    }
}
