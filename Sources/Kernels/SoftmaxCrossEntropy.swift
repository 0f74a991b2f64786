// Softmax and cross-entropy, fused (llm.c's crossentropy_softmax_backward): the logits are
// turned into probabilities in place, so the (N, V) buffer exists once.
//
// Shapes: N = rows (target positions), V = vocabulary.
// A negative target masks its row: no loss, no gradient (a prompt position).

import Foundation

/// Per-row `loss = −log softmax(logits)[target]`, optionally with the row's entropy.
public enum SoftmaxCrossEntropy {
    /// Forward pass.
    /// - Parameters:
    ///   - losses: `(N)`, written; 0 for masked rows.
    ///   - probs: `(N, V)`, written; may be the `logits` buffer itself.
    ///   - entropies: `(N)` or `nil`, written: `−Σ p·log p` per row (masked rows too).
    ///   - logits: `(N, V)`.
    ///   - targets: `(N)`; negative = masked.
    public static func forward(
        losses: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
        entropies: UnsafeMutablePointer<Float>?,
        logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
        N: Int, V: Int
    ) {
        Workers.forEachRange(N) { rows in
            for row in rows {
                let z = logits + row * V
                let p = probs + row * V
                let shift = maximum(z, V)
                let target = Int(targets[row])
                let targetLogit = target >= 0 ? z[target] : 0
                var total: Float
                var weighted: Float = 0
                if entropies != nil {
                    // Σ e·(z − shift) is needed before z may be overwritten.
                    let s = Vector(repeating: shift)
                    var e8 = Vector()
                    var w8 = Vector()
                    var i = 0
                    while i + vectorWidth <= V {
                        let centered = load(z + i) - s
                        let e = vectorExp(centered)
                        w8 += e * centered
                        e8 += e
                        store(e, p + i)
                        i += vectorWidth
                    }
                    total = e8.sum()
                    weighted = w8.sum()
                    while i < V {
                        let centered = z[i] - shift
                        let e = scalarExp(centered)
                        weighted += e * centered
                        total += e
                        p[i] = e
                        i += 1
                    }
                } else {
                    total = expShifted(p, z, shift, V)
                }
                let logTotal = Foundation.log(total)
                losses[row] = target >= 0 ? logTotal - (targetLogit - shift) : 0
                entropies?[row] = logTotal - weighted / total
                multiply(p, 1 / total, V)
            }
        }
    }

    /// Backward pass. **Writes** (does not accumulate) `dLogits`, so that it may be the `probs`
    /// buffer itself, the one exception to the accumulate rule.
    ///
    /// `dLogits[r] = dLosses[r] · (probs[r] − onehot(target[r])) + dEntropies[r] · ∂H/∂logits`, where
    /// `∂H/∂z_j = −p_j·(log p_j + H)`. Masked rows get only the entropy term (or zeros).
    /// - Parameters:
    ///   - dLogits: `(N, V)`, written; may alias `probs`.
    ///   - probs: `(N, V)` from the forward pass.
    ///   - entropies: `(N)` from the forward pass; needed only with `dEntropies`.
    ///   - dLosses: `(N)`: the loss's gradient per row (e.g. `1 / count` for a mean, a GRPO weight).
    ///   - dEntropies: `(N)` or `nil`: the loss's gradient with respect to each row's entropy.
    ///   - targets: `(N)`; negative = masked.
    public static func backward(
        dLogits: UnsafeMutablePointer<Float>,
        probs: UnsafePointer<Float>, entropies: UnsafePointer<Float>?,
        dLosses: UnsafePointer<Float>, dEntropies: UnsafePointer<Float>?,
        targets: UnsafePointer<Int32>,
        N: Int, V: Int
    ) {
        Workers.forEachRange(N) { rows in
            for row in rows {
                let p = probs + row * V
                let d = dLogits + row * V
                let target = Int(targets[row])
                let dLoss = target >= 0 ? dLosses[row] : 0
                let dEntropy = dEntropies?[row] ?? 0
                if dEntropy != 0, let entropies {
                    let h = entropies[row]
                    for j in 0..<V {
                        let pj = p[j]
                        let entropyTerm = pj > 0 ? -pj * (Foundation.log(pj) + h) : 0
                        d[j] = dLoss * pj + dEntropy * entropyTerm
                    }
                } else {
                    let l = Vector(repeating: dLoss)
                    var i = 0
                    while i + vectorWidth <= V {
                        store(l * load(p + i), d + i)
                        i += vectorWidth
                    }
                    while i < V {
                        d[i] = dLoss * p[i]
                        i += 1
                    }
                }
                if target >= 0 { d[target] -= dLoss }
            }
        }
    }
}
