// The GRPO loss as per-token weights for Transformer.backward(logProbabilityWeights:entropyWeights:),
// which accumulates the gradient of Σ w_t·log p_t + Σ e_t·H_t. The loss minimised is
//   L = (1/N) Σ_t [ −min(r_t·A_t, clip(r_t, 1−ε_t, 1+ε_t)·A_t) − c·H_t + β_KL·k3_t ]
// with r_t = exp(log p_t − log p_old,t), k3_t = exp(ref_t − log p_t) − (ref_t − log p_t) − 1, and N the
// tokens of the whole batch (token-level normalisation, as DAPO: long completions weigh by their
// tokens, not 1/|o_i| each). Hence
//   w_t = (1/N)·[ −g_t + β_KL·(1 − exp(ref_t − log p_t)) ],  e_t = −c/N,
// where g_t = ∂min(…)/∂log p_t is r_t·A_t unless the clip binds, and 0 where it does.
import Foundation

/// The weights of one backward pass.
public struct PolicyLossWeights: Sendable, Hashable {
    /// `∂L/∂log p` per token (head rows, in order).
    public var logProbability: [Float]
    /// `∂L/∂H` per token, or nil when the entropy bonus is 0 (no entropy pass needed).
    public var entropy: [Float]?
    /// Tokens whose clip bound binds (gradient 0 from the surrogate).
    public var clippedTokens: Int
    /// The mean k3 estimate of KL(π_θ ‖ π_ref) over these tokens, when reference log-probs were given.
    public var kl: Double?
}

/// The clipped surrogate, the KL estimate and their per-token gradients.
///
/// ```swift
/// let weights = try PolicyLoss.weights(
///     oldLogProbabilities: old, newLogProbabilities: model.logProbabilities, advantages: advantages,
///     epsilons: epsilons, entropyCoefficient: settings.entropyCoefficient(step: step), tokenCount: N)
/// try model.backward(logProbabilityWeights: weights.logProbability, entropyWeights: weights.entropy)
/// ```
public enum PolicyLoss {
    /// Whether the clip binds in `min(r·A, clip(r, 1−ε, 1+ε)·A)`: A > 0 and r > 1+ε, or A < 0 and r < 1−ε.
    /// On the other side of the band the unclipped term is the smaller one and the gradient flows.
    public static func isClipped(ratio r: Double, advantage a: Double, epsilon: Double) -> Bool {
        (a > 0 && r > 1 + epsilon) || (a < 0 && r < 1 - epsilon)
    }

    /// `∂ min(r·A, clip(r, 1−ε, 1+ε)·A) / ∂ log p`: `r·A` (as ∂r/∂log p = r) unless the clip binds, then 0.
    public static func surrogateGradient(ratio r: Double, advantage a: Double, epsilon: Double) -> Double {
        isClipped(ratio: r, advantage: a, epsilon: epsilon) ? 0 : r * a
    }

    /// The k3 estimate of KL(π_θ ‖ π_ref) at one token: `exp(ref − lp) − (ref − lp) − 1` (≥ 0, unbiased;
    /// DeepSeekMath's per-token KL).
    public static func klEstimate(logProbability lp: Double, referenceLogProbability ref: Double) -> Double {
        let d = ref - lp
        return exp(d) - d - 1
    }

    /// `∂ k3 / ∂ log p = 1 − exp(ref − lp)`.
    public static func klGradient(logProbability lp: Double, referenceLogProbability ref: Double) -> Double {
        1 - exp(ref - lp)
    }

    /// The backward weights of a batch of tokens (one micro-batch, or all of them).
    /// - Parameters:
    ///   - oldLogProbabilities: log p of each token under the sampling policy (before this step's updates).
    ///   - newLogProbabilities: log p under the current parameters (this forward pass).
    ///   - advantages: A per token.
    ///   - epsilons: ε per token (``EntropyClipping/epsilons(entropies:settings:)``).
    ///   - referenceLogProbabilities: log p under the SFT reference, or nil (no KL term, no KL logged).
    ///   - entropyCoefficient: c of the entropy bonus (``GRPOSettings/entropyCoefficient(step:)``).
    ///   - klCoefficient: β_KL (0: KL only measured).
    ///   - tokenCount: N, the tokens of the whole batch (a micro-batch passes the batch's total); nil = these.
    /// - Throws: when the per-token arrays differ in length or N is not positive.
    public static func weights(
        oldLogProbabilities old: [Float], newLogProbabilities new: [Float], advantages: [Double], epsilons: [Double],
        referenceLogProbabilities reference: [Float]? = nil, entropyCoefficient: Double, klCoefficient: Double = 0,
        tokenCount: Int? = nil
    ) throws(PolicyOptimizationError) -> PolicyLossWeights {
        let M = new.count
        guard old.count == M, advantages.count == M, epsilons.count == M, reference.map({ $0.count == M }) ?? true else {
            throw .invalidInput(
                "per-token arrays differ: \(old.count) old log-probs, \(M) new, \(advantages.count) advantages, "
                    + "\(epsilons.count) epsilons, \(reference.map { "\($0.count)" } ?? "no") reference; pass one of each per token")
        }
        let N = tokenCount ?? M
        guard N > 0 || M == 0 else { throw .invalidInput("token count \(N) for \(M) tokens; it must be positive") }
        let scale = 1 / Double(max(N, 1))
        var weights = [Float](repeating: 0, count: M)
        var clipped = 0, kl = 0.0
        for t in 0..<M {
            let lp = Double(new[t])
            let ratio = exp(lp - Double(old[t]))
            if isClipped(ratio: ratio, advantage: advantages[t], epsilon: epsilons[t]) { clipped += 1 }
            var w = -surrogateGradient(ratio: ratio, advantage: advantages[t], epsilon: epsilons[t])
            if let reference {
                let ref = Double(reference[t])
                kl += klEstimate(logProbability: lp, referenceLogProbability: ref)
                if klCoefficient != 0 { w += klCoefficient * klGradient(logProbability: lp, referenceLogProbability: ref) }
            }
            weights[t] = Float(w * scale)
        }
        let entropy = entropyCoefficient == 0 ? nil : [Float](repeating: Float(-entropyCoefficient * scale), count: M)
        return PolicyLossWeights(
            logProbability: weights, entropy: entropy, clippedTokens: clipped,
            kl: reference == nil || M == 0 ? nil : kl / Double(M))
    }
}
