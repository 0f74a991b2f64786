// The backward pass: from the head's probabilities down to the embeddings, one layer of activation
// gradients reused from the top layer down. Parameter gradients accumulate (zeroGradients first).
//
// Shapes: B = batch, T = length, C = channels, NH = heads, L = layers, V = vocabulary, M = head rows.
import Kernels

extension Transformer {
    /// Accumulates into `gradients` the gradient of the mean cross-entropy of the last forward pass.
    /// - Throws: when the last forward pass had no targets.
    public func backward() throws(LanguageModelError) {
        let count = activations?.headRows.count ?? 0
        try backward(logProbabilityWeights: [Float](repeating: -1 / Float(max(count, 1)), count: count))
    }

    /// Accumulates into `gradients` the gradient of `Σ w[i]·log p(target_i) + Σ e[i]·H_i` over the head
    /// rows of the last forward pass (`headRows` order), where H is the next-token entropy.
    ///
    /// The mean cross-entropy is `w = −1/M`; a GRPO surrogate passes its per-token `∂loss/∂log p`.
    /// - Parameters:
    ///   - logProbabilityWeights: `(M)`.
    ///   - entropyWeights: `(M)` or `nil`; needs a forward pass with `.entropies`.
    public func backward(logProbabilityWeights: [Float], entropyWeights: [Float]? = nil) throws(LanguageModelError) {
        guard let a = activations, a.hasLosses else {
            throw .invalidInput("backward needs a forward pass with targets first")
        }
        let M = a.headRows.count
        guard logProbabilityWeights.count == M, entropyWeights.map({ $0.count == M }) ?? true else {
            throw .invalidInput("\(logProbabilityWeights.count) weights given for \(M) head rows; pass one per target position")
        }
        if entropyWeights != nil && !a.hasEntropies {
            throw .invalidInput("entropy weights need a forward pass with the .entropies option")
        }
        let (B, T) = (a.B, a.T)
        let (C, L, NH, V) = (config.channels, config.layers, config.heads, config.vocabularySize)
        let N = B * T
        _ = gradients
        for i in 0..<M { a.dLosses[i] = -logProbabilityWeights[i] }
        if let entropyWeights { a.dEntropies.update(from: entropyWeights, count: M) }

        // Head: dlogits over the probabilities (in place), then the tied embedding and the lnf rows.
        SoftmaxCrossEntropy.backward(
            dLogits: a.logits, probs: a.logits, entropies: a.hasEntropies ? a.entropies : nil,
            dLosses: a.dLosses, dEntropies: entropyWeights == nil ? nil : a.dEntropies,
            targets: a.headTargets, N: M, V: V)
        a.dHeadInput.update(repeating: 0, count: M * C)
        Matmul.backward(
            dInp: a.dHeadInput, dWeight: gradient(.tokenEmbedding), dBias: nil, dOut: a.logits, inp: a.headInput,
            weight: parameter(.tokenEmbedding), N: M, C: C, OC: V)
        a.dLn.update(repeating: 0, count: N * C)
        for (i, row) in a.headRows.enumerated() {
            (a.dLn + Int(row) * C).update(from: a.dHeadInput + i * C, count: C)
        }
        a.dResidual.update(repeating: 0, count: N * C)
        LayerNorm.backward(
            dInp: a.dResidual, dWeight: gradient(.finalLayerNormWeight), dBias: gradient(.finalLayerNormBias),
            dOut: a.dLn, inp: a.residual3 + (L - 1) * N * C, weight: parameter(.finalLayerNormWeight),
            mean: a.lnfMean, rstd: a.lnfRstd, N: N, C: C)

        // Blocks, top down. dResidual carries d(residual3) in and leaves as d(block input).
        for l in stride(from: L - 1, through: 0, by: -1) {
            let residual = l == 0 ? a.encoded : a.residual3 + (l - 1) * N * C
            let ln1 = a.ln1 + l * N * C, qkv = a.qkv + l * N * 3 * C, atty = a.atty + l * N * C
            let att = a.att + l * B * NH * T * T, residual2 = a.residual2 + l * N * C, ln2 = a.ln2 + l * N * C
            let fch = a.fch + l * N * 4 * C, fchGelu = a.fchGelu + l * N * 4 * C

            // residual3 = residual2 + fcproj: d(fcproj) = d(residual3), which also flows on into residual2.
            a.dFchGelu.update(repeating: 0, count: N * 4 * C)
            Matmul.backward(
                dInp: a.dFchGelu, dWeight: gradient(.fcProjectionWeight, layer: l),
                dBias: gradient(.fcProjectionBias, layer: l), dOut: a.dResidual, inp: fchGelu,
                weight: parameter(.fcProjectionWeight, layer: l), N: N, C: 4 * C, OC: C)
            a.dFch.update(repeating: 0, count: N * 4 * C)
            GELU.backward(dInp: a.dFch, inp: fch, dOut: a.dFchGelu, N: N * 4 * C)
            a.dLn.update(repeating: 0, count: N * C)
            Matmul.backward(
                dInp: a.dLn, dWeight: gradient(.fcWeight, layer: l), dBias: gradient(.fcBias, layer: l),
                dOut: a.dFch, inp: ln2, weight: parameter(.fcWeight, layer: l), N: N, C: C, OC: 4 * C)
            LayerNorm.backward(
                dInp: a.dResidual, dWeight: gradient(.ln2Weight, layer: l), dBias: gradient(.ln2Bias, layer: l),
                dOut: a.dLn, inp: residual2, weight: parameter(.ln2Weight, layer: l),
                mean: a.ln2Mean + l * N, rstd: a.ln2Rstd + l * N, N: N, C: C)

            // residual2 = residual + attproj: d(attproj) = d(residual2), which also flows on into residual.
            a.dAtty.update(repeating: 0, count: N * C)
            Matmul.backward(
                dInp: a.dAtty, dWeight: gradient(.attentionProjectionWeight, layer: l),
                dBias: gradient(.attentionProjectionBias, layer: l), dOut: a.dResidual, inp: atty,
                weight: parameter(.attentionProjectionWeight, layer: l), N: N, C: C, OC: C)
            a.dQKV.update(repeating: 0, count: N * 3 * C)
            Attention.backward(dQKV: a.dQKV, dOut: a.dAtty, qkv: qkv, att: att, B: B, T: T, C: C, NH: NH)
            a.dLn.update(repeating: 0, count: N * C)
            Matmul.backward(
                dInp: a.dLn, dWeight: gradient(.qkvWeight, layer: l), dBias: gradient(.qkvBias, layer: l),
                dOut: a.dQKV, inp: ln1, weight: parameter(.qkvWeight, layer: l), N: N, C: C, OC: 3 * C)
            LayerNorm.backward(
                dInp: a.dResidual, dWeight: gradient(.ln1Weight, layer: l), dBias: gradient(.ln1Bias, layer: l),
                dOut: a.dLn, inp: residual, weight: parameter(.ln1Weight, layer: l),
                mean: a.ln1Mean + l * N, rstd: a.ln1Rstd + l * N, N: N, C: C)
        }
        Encoder.backward(
            dTokenEmbedding: gradient(.tokenEmbedding), dPositionEmbedding: gradient(.positionEmbedding),
            dOut: a.dResidual, tokens: a.tokens, B: B, T: T, C: C)
        a.hasLosses = false  // the probabilities were overwritten by their gradient
    }
}
