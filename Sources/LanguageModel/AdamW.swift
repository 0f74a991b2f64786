// AdamW over the one parameter buffer: a single pass per tensor group, moments in the same layout.
// Decoupled weight decay with bias correction, as torch.optim.AdamW (and llm.c's gpt2_update):
//   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²
//   p ← p − lr·( m/(1−β1^t) / (sqrt(v/(1−β2^t)) + ε) + λ·p ),  λ only for tensors that decay.
import Foundation

/// The optimiser: hyper-parameters and the moment buffers (allocated on the first update).
///
/// ```swift
/// var optimizer = AdamW()
/// optimizer.update(model, learningRate: schedule.learningRate(step: step))
/// ```
public struct AdamW {
    /// β1.
    public var beta1: Float
    /// β2.
    public var beta2: Float
    /// ε in the denominator.
    public var epsilon: Float
    /// λ, applied to matrices and embeddings only (`ParameterTensor.decays`, nanoGPT's grouping).
    public var weightDecay: Float
    /// Updates done so far (t of the bias correction).
    public private(set) var step = 0
    /// First moments, parameter layout.
    public private(set) var m: FloatBuffer?
    /// Second moments, parameter layout.
    public private(set) var v: FloatBuffer?

    /// nanoGPT's defaults: β = (0.9, 0.95), ε = 1e-8, λ = 0.1.
    public init(beta1: Float = 0.9, beta2: Float = 0.95, epsilon: Float = 1e-8, weightDecay: Float = 0.1) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// One step on `model.parameters` from `model.gradients`.
    public mutating func update(_ model: Transformer, learningRate: Float) {
        let count = model.layout.count
        if m == nil || m?.count != count {
            m = FloatBuffer(count: count)
            v = FloatBuffer(count: count)
            step = 0
        }
        guard let m, let v else { return }
        step += 1
        let correction1 = 1 - Float(pow(Double(beta1), Double(step)))
        let correction2 = 1 - Float(pow(Double(beta2), Double(step)))
        let p = model.parameters.base, g = model.gradients.base
        let (b1, b2, eps, lr) = (beta1, beta2, epsilon, learningRate)
        for tensor in ParameterTensor.allCases {
            let decay = tensor.decays ? weightDecay : 0
            for i in model.layout.range(of: tensor) {
                let gradient = g[i]
                let mi = b1 * m.base[i] + (1 - b1) * gradient
                let vi = b2 * v.base[i] + (1 - b2) * gradient * gradient
                m.base[i] = mi
                v.base[i] = vi
                let mHat = mi / correction1
                let vHat = vi / correction2
                p[i] -= lr * (mHat / (vHat.squareRoot() + eps) + decay * p[i])
            }
        }
    }
}

extension Transformer {
    /// Scales the gradients so their global L2 norm is at most `maxNorm` (torch's clip_grad_norm_:
    /// factor `maxNorm / (norm + 1e-6)` when it is below 1) and returns the norm before clipping.
    @discardableResult
    public func clipGradients(maxNorm: Float) -> Float {
        let g = gradients
        var total = 0.0
        for i in 0..<layout.count { total += Double(g.base[i]) * Double(g.base[i]) }
        let norm = Float(total.squareRoot())
        let factor = maxNorm / (norm + 1e-6)
        if factor < 1 {
            for i in 0..<layout.count { g.base[i] *= factor }
        }
        return norm
    }
}
