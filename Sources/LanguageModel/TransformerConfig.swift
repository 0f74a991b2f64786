// The model's shape: vocabulary, width, depth, heads, context (spec §4 defaults).

/// The shape of a decoder-only transformer (pre-LayerNorm, GELU MLP of width 4·d, tied embeddings).
///
/// ```swift
/// let config = TransformerConfig(vocabularySize: tokenizer.count)   // d 128, 4 layers, 4 heads, context 160
/// ```
public struct TransformerConfig: Sendable, Hashable, Codable {
    /// V: tokens in the vocabulary (rows of the tied embedding).
    public var vocabularySize: Int
    /// C (d): channels of the residual stream.
    public var channels: Int
    /// L: transformer blocks.
    public var layers: Int
    /// NH: attention heads; `channels` must be a multiple of it.
    public var heads: Int
    /// maxT: the longest sequence (rows of the position embedding).
    public var contextLength: Int

    /// A config; the defaults are the spec's (§4): d = 128, 4 layers, 4 heads, context 160.
    public init(vocabularySize: Int, channels: Int = 128, layers: Int = 4, heads: Int = 4, contextLength: Int = 160) {
        self.vocabularySize = vocabularySize
        self.channels = channels
        self.layers = layers
        self.heads = heads
        self.contextLength = contextLength
    }

    /// hs: channels per head.
    public var headSize: Int { channels / heads }

    /// Throws unless every size is positive and `channels` divides into `heads`.
    public func validate() throws(LanguageModelError) {
        for (name, value) in [
            ("vocabularySize", vocabularySize), ("channels", channels), ("layers", layers), ("heads", heads),
            ("contextLength", contextLength),
        ] where value <= 0 {
            throw .invalidConfig("'\(name)' is \(value); every size must be positive")
        }
        if channels % heads != 0 {
            throw .invalidConfig("'channels' \(channels) is not a multiple of 'heads' \(heads); choose d = k·heads")
        }
    }
}
