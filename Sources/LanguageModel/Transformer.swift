// The decoder-only transformer: one parameter buffer, a forward pass over token batches, and the
// head computed only where it is needed (target positions).
//
// Shapes: B = batch, T = length, C = channels, NH = heads, L = layers, V = vocabulary, M = head rows.
import Kernels

/// A GPT-2-style transformer (pre-LayerNorm blocks, causal attention, GELU MLP, tied embeddings), fp32,
/// every matmul on OpenBLAS sgemm.
///
/// ```swift
/// let model = try Transformer(config: TransformerConfig(vocabularySize: 512), seed: 7)
/// let loss = try model.forward(tokens: batch, targets: targets, batchSize: 8, length: 64)
/// model.zeroGradients()
/// try model.backward()
/// optimizer.update(model, learningRate: schedule.learningRate(step: step))
/// ```
public final class Transformer {
    /// What the forward pass computes beyond the loss.
    public struct ForwardOptions: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Keep a copy of the head's logits (`logits`) before they become probabilities.
        public static let keepLogits = ForwardOptions(rawValue: 1)
        /// Compute each head row's entropy (`entropies`); needed for entropy weights in `backward`.
        public static let entropies = ForwardOptions(rawValue: 2)
    }

    /// The model's shape.
    public let config: TransformerConfig
    /// Where each tensor lives in `parameters` (and `gradients`).
    public let layout: ParameterLayout
    /// Every parameter, in `layout` order.
    public let parameters: FloatBuffer
    private var gradientStorage: FloatBuffer?
    var activations: Activations?
    var inference: InferenceScratch?
    /// The head's logits from the last forward pass with `.keepLogits`, `(M, V)`.
    public private(set) var logits: [Float] = []

    /// A model with nanoGPT's initialisation from `seed`: matrices and embeddings N(0, 0.02), the two
    /// residual projections N(0, 0.02/sqrt(2L)), biases 0, LayerNorm gains 1.
    public init(config: TransformerConfig, seed: UInt64) throws(LanguageModelError) {
        try config.validate()
        self.config = config
        layout = ParameterLayout(config: config)
        parameters = FloatBuffer(count: layout.count)
        var generator = SplitMix64(seed: seed)
        let residualScale = 0.02 / (2 * Double(config.layers)).squareRoot()
        for tensor in ParameterTensor.allCases {
            let range = layout.range(of: tensor)
            switch tensor {
            case .ln1Weight, .ln2Weight, .finalLayerNormWeight:
                for i in range { parameters.pointer[i] = 1 }
            case .tokenEmbedding, .positionEmbedding, .qkvWeight, .fcWeight:
                for i in range { parameters.pointer[i] = Float(0.02 * generator.nextGaussian()) }
            case .attentionProjectionWeight, .fcProjectionWeight:
                for i in range { parameters.pointer[i] = Float(residualScale * generator.nextGaussian()) }
            default:
                break
            }
        }
    }

    /// A model holding `parameters` (in `ParameterLayout` order), e.g. from a checkpoint or a golden.
    public init(config: TransformerConfig, parameters values: [Float]) throws(LanguageModelError) {
        try config.validate()
        self.config = config
        layout = ParameterLayout(config: config)
        guard values.count == layout.count else {
            throw .invalidInput("\(values.count) parameters given; this config has \(layout.count)")
        }
        parameters = FloatBuffer(count: layout.count)
        _ = parameters.pointer.update(from: values)
    }

    /// Parameter gradients, same layout as `parameters`; allocated (zeroed) on first use.
    public var gradients: FloatBuffer {
        if let gradientStorage { return gradientStorage }
        let buffer = FloatBuffer(count: layout.count)
        gradientStorage = buffer
        return buffer
    }

    /// Sets every parameter gradient to zero (backward accumulates).
    public func zeroGradients() { gradientStorage?.zero() }

    /// The parameters of `tensor`, layers first.
    public func values(of tensor: ParameterTensor) -> [Float] {
        Array(parameters.pointer[layout.range(of: tensor)])
    }

    /// The gradient of `tensor`, layers first.
    public func gradient(of tensor: ParameterTensor) -> [Float] {
        Array(gradients.pointer[layout.range(of: tensor)])
    }

    func parameter(_ tensor: ParameterTensor, layer: Int = 0) -> UnsafeMutablePointer<Float> {
        parameters.base + layout.offsets[tensor.rawValue] + layer * layout.shapes[tensor.rawValue].dropFirst().reduce(1, *)
    }

    func gradient(_ tensor: ParameterTensor, layer: Int = 0) -> UnsafeMutablePointer<Float> {
        gradients.base + layout.offsets[tensor.rawValue] + layer * layout.shapes[tensor.rawValue].dropFirst().reduce(1, *)
    }

    // MARK: - Results of the last forward pass

    /// The flat positions `b·T + t` where the head ran, in order (the rows of `logits`, `losses`, …).
    public var headRows: [Int32] { activations?.headRows ?? [] }

    /// `−log p(target)` per head row.
    public var losses: [Float] {
        guard let a = activations else { return [] }
        return Array(UnsafeBufferPointer(start: a.losses, count: a.headRows.count))
    }

    /// `log p(target)` per head row: what GRPO's ratios are made of.
    public var logProbabilities: [Float] { losses.map { -$0 } }

    /// The entropy of the next-token distribution per head row (forward with `.entropies`).
    public var entropies: [Float] {
        guard let a = activations, a.hasEntropies else { return [] }
        return Array(UnsafeBufferPointer(start: a.entropies, count: a.headRows.count))
    }

    // MARK: - Forward

    /// Runs the model over a batch and returns the mean cross-entropy over target positions.
    ///
    /// The head (final LayerNorm rows → tied embedding → softmax) runs only at positions whose target
    /// is not negative, so prompt positions cost nothing there. Without `targets` the head runs at
    /// every position and only `logits` (always kept then) is produced; the result is 0.
    /// - Parameters:
    ///   - tokens: `(B, T)` token ids.
    ///   - targets: `(B, T)` next-token ids, negative where no loss is wanted (prompt, padding).
    ///   - batchSize: B; `length`: T ≤ context length.
    /// - Returns: the mean loss over target positions (0 when there are none).
    @discardableResult
    public func forward(
        tokens: [Int32], targets: [Int32]? = nil, batchSize B: Int, length T: Int, options: ForwardOptions = []
    ) throws(LanguageModelError) -> Float {
        try validate(tokens: tokens, targets: targets, B: B, T: T)
        let a = prepareActivations(B: B, T: T)
        let (C, L, NH, V) = (config.channels, config.layers, config.heads, config.vocabularySize)
        let N = B * T
        a.tokens = tokens
        a.targets = targets ?? []
        Encoder.forward(
            out: a.encoded, tokens: tokens, tokenEmbedding: parameter(.tokenEmbedding),
            positionEmbedding: parameter(.positionEmbedding), B: B, T: T, C: C)
        for l in 0..<L {
            let residual = l == 0 ? a.encoded : a.residual3 + (l - 1) * N * C
            let ln1 = a.ln1 + l * N * C, qkv = a.qkv + l * N * 3 * C, atty = a.atty + l * N * C
            let att = a.att + l * B * NH * T * T, attproj = a.attproj + l * N * C
            let residual2 = a.residual2 + l * N * C, ln2 = a.ln2 + l * N * C
            let fch = a.fch + l * N * 4 * C, fchGelu = a.fchGelu + l * N * 4 * C
            let fcproj = a.fcproj + l * N * C, residual3 = a.residual3 + l * N * C
            LayerNorm.forward(
                out: ln1, mean: a.ln1Mean + l * N, rstd: a.ln1Rstd + l * N, inp: residual,
                weight: parameter(.ln1Weight, layer: l), bias: parameter(.ln1Bias, layer: l), N: N, C: C)
            Matmul.forward(
                out: qkv, inp: ln1, weight: parameter(.qkvWeight, layer: l), bias: parameter(.qkvBias, layer: l),
                N: N, C: C, OC: 3 * C)
            Attention.forward(out: atty, att: att, qkv: qkv, B: B, T: T, C: C, NH: NH)
            Matmul.forward(
                out: attproj, inp: atty, weight: parameter(.attentionProjectionWeight, layer: l),
                bias: parameter(.attentionProjectionBias, layer: l), N: N, C: C, OC: C)
            Residual.forward(out: residual2, a: residual, b: attproj, N: N * C)
            LayerNorm.forward(
                out: ln2, mean: a.ln2Mean + l * N, rstd: a.ln2Rstd + l * N, inp: residual2,
                weight: parameter(.ln2Weight, layer: l), bias: parameter(.ln2Bias, layer: l), N: N, C: C)
            Matmul.forward(
                out: fch, inp: ln2, weight: parameter(.fcWeight, layer: l), bias: parameter(.fcBias, layer: l),
                N: N, C: C, OC: 4 * C)
            GELU.forward(out: fchGelu, inp: fch, N: N * 4 * C)
            Matmul.forward(
                out: fcproj, inp: fchGelu, weight: parameter(.fcProjectionWeight, layer: l),
                bias: parameter(.fcProjectionBias, layer: l), N: N, C: 4 * C, OC: C)
            Residual.forward(out: residual3, a: residual2, b: fcproj, N: N * C)
        }
        LayerNorm.forward(
            out: a.lnf, mean: a.lnfMean, rstd: a.lnfRstd, inp: a.residual3 + (L - 1) * N * C,
            weight: parameter(.finalLayerNormWeight), bias: parameter(.finalLayerNormBias), N: N, C: C)

        // The head, only at the rows that need it.
        if let targets {
            a.headRows = []
            a.headTargets = []
            for (row, target) in targets.enumerated() where target >= 0 {
                a.headRows.append(Int32(row))
                a.headTargets.append(target)
            }
        } else {
            a.headRows = (0..<Int32(N)).map { $0 }
            a.headTargets = [Int32](repeating: -1, count: N)
        }
        let M = a.headRows.count
        for (i, row) in a.headRows.enumerated() {
            (a.headInput + i * C).update(from: a.lnf + Int(row) * C, count: C)
        }
        Matmul.forward(
            out: a.logits, inp: a.headInput, weight: parameter(.tokenEmbedding), bias: nil, N: M, C: C, OC: V)
        a.hasLosses = targets != nil
        a.hasEntropies = false
        guard targets != nil else {
            logits = Array(UnsafeBufferPointer(start: a.logits, count: M * V))
            return 0
        }
        logits = options.contains(.keepLogits) ? Array(UnsafeBufferPointer(start: a.logits, count: M * V)) : []
        a.hasEntropies = options.contains(.entropies)
        SoftmaxCrossEntropy.forward(
            losses: a.losses, probs: a.logits, entropies: a.hasEntropies ? a.entropies : nil,
            logits: a.logits, targets: a.headTargets, N: M, V: V)
        if M == 0 { return 0 }
        var total = 0.0
        for i in 0..<M { total += Double(a.losses[i]) }
        return Float(total / Double(M))
    }

    func prepareActivations(B: Int, T: Int) -> Activations {
        if let existing = activations, existing.B == B, existing.T == T { return existing }
        activations = nil  // free the old buffers before allocating new ones
        let fresh = Activations(config: config, B: B, T: T)
        activations = fresh
        return fresh
    }

    private func validate(tokens: [Int32], targets: [Int32]?, B: Int, T: Int) throws(LanguageModelError) {
        guard B > 0, T > 0, T <= config.contextLength else {
            throw .invalidInput(
                "batch \(B) × length \(T) does not fit: length must be 1...\(config.contextLength) (the context length)")
        }
        guard tokens.count == B * T else {
            throw .invalidInput("\(tokens.count) tokens given for batch \(B) × length \(T) = \(B * T)")
        }
        if let targets, targets.count != B * T {
            throw .invalidInput("\(targets.count) targets given for batch \(B) × length \(T) = \(B * T)")
        }
        let V = Int32(config.vocabularySize)
        if let bad = tokens.firstIndex(where: { $0 < 0 || $0 >= V }) {
            throw .invalidInput("token '\(tokens[bad])' at position \(bad) is outside the vocabulary 0..<\(V)")
        }
        if let targets, let bad = targets.firstIndex(where: { $0 >= V }) {
            throw .invalidInput("target '\(targets[bad])' at position \(bad) is outside the vocabulary 0..<\(V)")
        }
    }
}
