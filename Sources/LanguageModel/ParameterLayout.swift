// Where each parameter tensor lives in the one contiguous buffer (llm.c's fill_in_parameter_sizes).
// Gradients and AdamW moments use the identical layout, so every update is one pass over the buffer.
//
// Shapes: V = vocabulary, maxT = context, L = layers, C = channels.

/// The named parameter tensors of a `Transformer`, in buffer order.
public enum ParameterTensor: Int, CaseIterable, Sendable {
    case tokenEmbedding               // (V, C), also the output head (tied)
    case positionEmbedding            // (maxT, C)
    case ln1Weight                    // (L, C)
    case ln1Bias                      // (L, C)
    case qkvWeight                    // (L, 3C, C)
    case qkvBias                      // (L, 3C)
    case attentionProjectionWeight    // (L, C, C)
    case attentionProjectionBias      // (L, C)
    case ln2Weight                    // (L, C)
    case ln2Bias                      // (L, C)
    case fcWeight                     // (L, 4C, C)
    case fcBias                       // (L, 4C)
    case fcProjectionWeight           // (L, C, 4C)
    case fcProjectionBias             // (L, C)
    case finalLayerNormWeight         // (C)
    case finalLayerNormBias           // (C)

    /// The tensor's name in a PyTorch/nanoGPT state dict (`{l}` stands for the layer), for goldens.
    public var referenceName: String {
        switch self {
        case .tokenEmbedding: "transformer.wte.weight"
        case .positionEmbedding: "transformer.wpe.weight"
        case .ln1Weight: "transformer.h.{l}.ln_1.weight"
        case .ln1Bias: "transformer.h.{l}.ln_1.bias"
        case .qkvWeight: "transformer.h.{l}.attn.c_attn.weight"
        case .qkvBias: "transformer.h.{l}.attn.c_attn.bias"
        case .attentionProjectionWeight: "transformer.h.{l}.attn.c_proj.weight"
        case .attentionProjectionBias: "transformer.h.{l}.attn.c_proj.bias"
        case .ln2Weight: "transformer.h.{l}.ln_2.weight"
        case .ln2Bias: "transformer.h.{l}.ln_2.bias"
        case .fcWeight: "transformer.h.{l}.mlp.c_fc.weight"
        case .fcBias: "transformer.h.{l}.mlp.c_fc.bias"
        case .fcProjectionWeight: "transformer.h.{l}.mlp.c_proj.weight"
        case .fcProjectionBias: "transformer.h.{l}.mlp.c_proj.bias"
        case .finalLayerNormWeight: "transformer.ln_f.weight"
        case .finalLayerNormBias: "transformer.ln_f.bias"
        }
    }

    /// Matrices and embeddings get weight decay; biases and LayerNorm gains do not (nanoGPT's grouping).
    public var decays: Bool {
        switch self {
        case .tokenEmbedding, .positionEmbedding, .qkvWeight, .attentionProjectionWeight, .fcWeight,
            .fcProjectionWeight:
            true
        default: false
        }
    }
}

/// Sizes and offsets of every `ParameterTensor` for one config.
public struct ParameterLayout: Sendable, Hashable {
    /// The config the layout was made for.
    public let config: TransformerConfig
    /// Per tensor (indexed by `ParameterTensor.rawValue`): its shape, layers first where it has them.
    public let shapes: [[Int]]
    /// Per tensor: its first float in the buffer.
    public let offsets: [Int]
    /// Floats in the whole buffer.
    public let count: Int

    /// The layout for `config`.
    public init(config: TransformerConfig) {
        self.config = config
        let (V, maxT, L, C) = (config.vocabularySize, config.contextLength, config.layers, config.channels)
        shapes = ParameterTensor.allCases.map { tensor in
            switch tensor {
            case .tokenEmbedding: [V, C]
            case .positionEmbedding: [maxT, C]
            case .ln1Weight, .ln1Bias, .attentionProjectionBias, .ln2Weight, .ln2Bias, .fcProjectionBias: [L, C]
            case .qkvWeight: [L, 3 * C, C]
            case .qkvBias: [L, 3 * C]
            case .attentionProjectionWeight: [L, C, C]
            case .fcWeight: [L, 4 * C, C]
            case .fcBias: [L, 4 * C]
            case .fcProjectionWeight: [L, C, 4 * C]
            case .finalLayerNormWeight, .finalLayerNormBias: [C]
            }
        }
        var offsets: [Int] = []
        var total = 0
        for shape in shapes {
            offsets.append(total)
            total += shape.reduce(1, *)
        }
        self.offsets = offsets
        count = total
    }

    /// The floats of `tensor` (all layers).
    public func range(of tensor: ParameterTensor) -> Range<Int> {
        let start = offsets[tensor.rawValue]
        return start..<(start + shapes[tensor.rawValue].reduce(1, *))
    }

    /// The floats of `tensor` for one layer (for per-layer tensors).
    public func range(of tensor: ParameterTensor, layer: Int) -> Range<Int> {
        let whole = range(of: tensor)
        let perLayer = whole.count / config.layers
        return (whole.lowerBound + layer * perLayer)..<(whole.lowerBound + (layer + 1) * perLayer)
    }
}
