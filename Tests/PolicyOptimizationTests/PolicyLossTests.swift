// The clipped surrogate's per-token gradient, entropy-adaptive clip bounds, the KL estimate, and an
// end-to-end check that the weights make Transformer.backward compute the gradient of the GRPO loss.
import Foundation
import LanguageModel
import PolicyOptimization
import Testing

@Suite("Policy loss")
struct PolicyLossTests {
    struct SurrogateCase: Sendable, CustomTestStringConvertible {
        var ratio: Double, advantage: Double, epsilon: Double, clipped: Bool
        var testDescription: String { "r \(ratio), A \(advantage), ε \(epsilon)" }
    }

    /// The clip binds only outside the band on the advantage's side.
    static let surrogateCases: [SurrogateCase] = [
        SurrogateCase(ratio: 1, advantage: 1.5, epsilon: 0.2, clipped: false),
        SurrogateCase(ratio: 1.1, advantage: 2, epsilon: 0.2, clipped: false),
        SurrogateCase(ratio: 1.3, advantage: 1, epsilon: 0.2, clipped: true),  // A > 0, r > 1 + ε
        SurrogateCase(ratio: 1.3, advantage: -1, epsilon: 0.2, clipped: false),  // A < 0 above the band: r·A is the min
        SurrogateCase(ratio: 0.7, advantage: -1, epsilon: 0.2, clipped: true),  // A < 0, r < 1 − ε
        SurrogateCase(ratio: 0.7, advantage: 1, epsilon: 0.2, clipped: false),  // A > 0 below the band
        SurrogateCase(ratio: 1.25, advantage: 1, epsilon: 0.2, clipped: true),
        SurrogateCase(ratio: 1.25, advantage: 1, epsilon: 0.28, clipped: false),  // ε_high lets it through
        SurrogateCase(ratio: 0.75, advantage: -0.5, epsilon: 0.28, clipped: false),
        SurrogateCase(ratio: 1.2, advantage: 1, epsilon: 0.2, clipped: false),  // on the bound: not beyond it
        SurrogateCase(ratio: 5, advantage: 0, epsilon: 0.2, clipped: false),  // no advantage, no gradient either way
    ]

    @Test(arguments: surrogateCases)
    func surrogateGradientIsRatioTimesAdvantageOrZero(_ c: SurrogateCase) {
        #expect(PolicyLoss.isClipped(ratio: c.ratio, advantage: c.advantage, epsilon: c.epsilon) == c.clipped)
        let gradient = PolicyLoss.surrogateGradient(ratio: c.ratio, advantage: c.advantage, epsilon: c.epsilon)
        #expect(gradient == (c.clipped ? 0 : c.ratio * c.advantage))
    }

    @Test func weightsAreMinusTheSurrogateGradientOverTheBatchTokens() throws {
        let new: [Float] = [-1, -2, -0.5, -3]
        let old: [Float] = [-1, -2.5, -0.25, -3.5]  // ratios 1, e^0.5, e^−0.25, e^0.5
        let advantages: [Double] = [0.5, 1, -2, -1]
        let epsilons: [Double] = [0.2, 0.28, 0.2, 0.2]
        let weights = try PolicyLoss.weights(
            oldLogProbabilities: old, newLogProbabilities: new, advantages: advantages, epsilons: epsilons,
            entropyCoefficient: 0.01, tokenCount: 10)
        let r1 = exp(Double(new[1]) - Double(old[1])), r3 = exp(Double(new[3]) - Double(old[3]))
        #expect(r1 > 1.28 && r3 > 1.2)
        // token 0: r = 1 → −0.5/10; token 1: A > 0 beyond 1 + ε → 0; token 2: A < 0, r = 0.78 < 0.8 → 0;
        // token 3: A < 0 above the band → −(r·A)/10.
        #expect(weights.logProbability == [Float(-0.5 * (1.0 / 10)), 0, 0, Float(-(r3 * -1) * (1.0 / 10))])
        #expect(weights.clippedTokens == 2)
        #expect(weights.entropy == [Float](repeating: Float(-0.01 * (1.0 / 10)), count: 4))
        #expect(weights.kl == nil)
        let noBonus = try PolicyLoss.weights(
            oldLogProbabilities: old, newLogProbabilities: new, advantages: advantages, epsilons: epsilons, entropyCoefficient: 0)
        #expect(noBonus.entropy == nil)
        #expect(noBonus.logProbability[0] == Float(-0.5 / 4))  // N defaults to the tokens given
    }

    @Test func klIsK3AndOnlyWeighsWhenItsCoefficientIsSet() throws {
        #expect(PolicyLoss.klEstimate(logProbability: -1, referenceLogProbability: -1) == 0)
        #expect(abs(PolicyLoss.klEstimate(logProbability: log(0.25), referenceLogProbability: log(0.5)) - (1 - log(2.0))) < 1e-15)
        #expect(PolicyLoss.klEstimate(logProbability: -0.1, referenceLogProbability: -3) > 0)
        let lp: [Float] = [-1, -2], ref: [Float] = [-1, -1]
        let measured = try PolicyLoss.weights(
            oldLogProbabilities: lp, newLogProbabilities: lp, advantages: [0, 0], epsilons: [0.2, 0.2],
            referenceLogProbabilities: ref, entropyCoefficient: 0, klCoefficient: 0)
        #expect(measured.logProbability == [0, 0])
        let k3 = exp(1.0) - 1 - 1
        #expect(abs(measured.kl! - k3 / 2) < 1e-12)
        let penalised = try PolicyLoss.weights(
            oldLogProbabilities: lp, newLogProbabilities: lp, advantages: [0, 0], epsilons: [0.2, 0.2],
            referenceLogProbabilities: ref, entropyCoefficient: 0, klCoefficient: 0.04)
        #expect(penalised.logProbability == [0, Float(0.04 * (1 - exp(1.0)) / 2)])
    }

    @Test func mismatchedArraysAreRefused() {
        #expect(throws: PolicyOptimizationError.self) {
            try PolicyLoss.weights(
                oldLogProbabilities: [0], newLogProbabilities: [0, 0], advantages: [0, 0], epsilons: [0.2, 0.2],
                entropyCoefficient: 0)
        }
    }

    // MARK: - Entropy-adaptive clipping

    @Test func percentileInterpolatesAsNumpy() {
        #expect(abs(EntropyClipping.percentile((1...10).map(Double.init), 0.8) - 8.2) < 1e-12)  // numpy.percentile(range(1, 11), 80)
        #expect(EntropyClipping.percentile([5], 0.8) == 5)
        #expect(EntropyClipping.percentile([], 0.8) == 0)
        #expect(EntropyClipping.percentile([3, 1, 2], 0.5) == 2)
    }

    @Test(arguments: [5, 10, 20, 100, 1000])
    func topTwentyPercentOfEntropiesGetEpsilonHigh(_ count: Int) {
        var generator = SplitMix64(seed: UInt64(count))
        let entropies = (0..<count).map { _ in generator.nextUnit() * 5 }
        let epsilons = EntropyClipping.epsilons(entropies: entropies, settings: GRPOSettings())
        let high = entropies.indices.filter { epsilons[$0] == 0.28 }
        #expect(high.count == count / 5)
        let lowest = high.map { entropies[$0] }.min()!
        #expect(entropies.indices.allSatisfy { epsilons[$0] == 0.28 || (epsilons[$0] == 0.2 && entropies[$0] < lowest) })
    }

    @Test func equalEntropiesAreAllAtThePercentile() {
        let epsilons = EntropyClipping.epsilons(entropies: [1, 1, 1, 1], settings: GRPOSettings())
        #expect(epsilons == [0.28, 0.28, 0.28, 0.28])
    }

    // MARK: - End to end through the model's backward

    /// The gradient `backward` accumulates from the weights equals the finite-difference gradient of
    /// L = (1/N) Σ [−min(r·A, clip(r)·A) − c·H + β·k3], with tokens inside and beyond the clip band.
    @Test func backwardWithTheWeightsIsTheGradientOfTheGRPOLoss() throws {
        let config = TransformerConfig(vocabularySize: 9, channels: 8, layers: 1, heads: 2, contextLength: 6)
        let base = try Transformer(config: config, seed: 11)
        let model = try Transformer(config: config, parameters: Array(base.parameters.pointer).map { $0 * 3 })
        let tokens: [Int32] = [1, 4, 2, 7, 3, 0, 5, 5, 8, 1, 6, 2]
        let targets: [Int32] = [-1, 2, 7, 3, 0, -1, -1, 8, 1, 6, 2, -1]
        try model.forward(tokens: tokens, targets: targets, batchSize: 2, length: 6, options: .entropies)
        let start = model.logProbabilities
        let M = start.count
        // Old log-probs ±0.5 away (ratios 0.61 and 1.65: clipped for one advantage sign, not the other),
        // advantages of both signs, a reference 0.3 away.
        let old = start.enumerated().map { $0.offset % 3 == 0 ? $0.element : $0.element + ($0.offset % 2 == 0 ? 0.5 : -0.5) }
        let advantages = (0..<M).map { [1.5, 1, -0.5, -2, 0.7, -1, 2, 1][$0 % 8] }
        let epsilons = (0..<M).map { $0 % 2 == 0 ? 0.2 : 0.28 }
        let reference = start.map { $0 + 0.3 }
        let (c, beta) = (0.05, 0.1)

        func loss() throws -> Double {
            try model.forward(tokens: tokens, targets: targets, batchSize: 2, length: 6, options: .entropies)
            let lp = model.logProbabilities, h = model.entropies
            var total = 0.0
            for t in 0..<M {
                let r = exp(Double(lp[t]) - Double(old[t]))
                let clipped = min(max(r, 1 - epsilons[t]), 1 + epsilons[t])
                let surrogate = min(r * advantages[t], clipped * advantages[t])
                let k3 = PolicyLoss.klEstimate(logProbability: Double(lp[t]), referenceLogProbability: Double(reference[t]))
                total += -surrogate - c * Double(h[t]) + beta * k3
            }
            return total / Double(M)
        }

        _ = try loss()
        let weights = try PolicyLoss.weights(
            oldLogProbabilities: old, newLogProbabilities: model.logProbabilities, advantages: advantages,
            epsilons: epsilons, referenceLogProbabilities: reference, entropyCoefficient: c, klCoefficient: beta)
        #expect(weights.clippedTokens > 0 && weights.clippedTokens < M)
        model.zeroGradients()
        try model.backward(logProbabilityWeights: weights.logProbability, entropyWeights: weights.entropy)
        let analytic = Array(model.gradients.pointer)
        let largest = analytic.map(abs).max()!
        #expect(largest > 0.1)

        // The 12 parameters with the largest gradients, plus 4 fixed ones.
        let checked = Array(analytic.indices.sorted { abs(analytic[$0]) > abs(analytic[$1]) }.prefix(12)) + [0, 37, 101, 250]
        let h: Float = 1e-3
        for i in checked {
            let saved = model.parameters.pointer[i]
            model.parameters.pointer[i] = saved + h
            let up = try loss()
            model.parameters.pointer[i] = saved - h
            let down = try loss()
            model.parameters.pointer[i] = saved
            let numeric = (up - down) / (2 * Double(h))
            #expect(abs(numeric - Double(analytic[i])) <= 0.005 * Double(largest) + 1e-4, "parameter \(i): \(numeric) vs \(analytic[i])")
        }
    }
}
