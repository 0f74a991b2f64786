// The inference pass of generation: new tokens of several sequences go through the model at once,
// keys and values land in the cache, and the head runs only at each sequence's last new token.
//
// Shapes: B = sequences in the call, Tn = new tokens per sequence (padded), R = B·Tn rows,
// C = channels, V = vocabulary.
import Kernels

extension Transformer {
    /// Feeds each sequence's new tokens into its cache slot and returns the next-token logits after
    /// each sequence's last new token, `(B, V)` row-major.
    ///
    /// Prefill passes whole prompts (of any lengths); decoding passes one token per sequence. A
    /// sequence's logits are bitwise the same whichever other sequences share the call.
    /// - Parameters:
    ///   - cache: the cache; `cache.lengths[slot]` grows by the tokens given.
    ///   - slots: `(B)` the slot of each sequence.
    ///   - tokens: `B` lists of new tokens, each non-empty.
    public func extend(cache: KVCache, slots: [Int], tokens: [[Int32]]) throws(LanguageModelError) -> [Float] {
        guard cache.config == config else { throw .invalidInput("the cache was made for another model config") }
        guard slots.count == tokens.count, !tokens.isEmpty else {
            throw .invalidInput("\(slots.count) slots given for \(tokens.count) sequences")
        }
        let B = tokens.count
        let Tn = tokens.map(\.count).max() ?? 0
        let (C, L, NH, V, maxT) = (config.channels, config.layers, config.heads, config.vocabularySize, config.contextLength)
        for (slot, new) in zip(slots, tokens) {
            guard slot >= 0, slot < cache.slots else { throw .invalidInput("slot \(slot) is outside 0..<\(cache.slots)") }
            guard !new.isEmpty, cache.lengths[slot] + new.count <= maxT else {
                throw .invalidInput(
                    "slot \(slot) holds \(cache.lengths[slot]) positions; \(new.count) more do not fit the context \(maxT)")
            }
            if let bad = new.first(where: { $0 < 0 || Int($0) >= V }) {
                throw .invalidInput("token '\(bad)' is outside the vocabulary 0..<\(V)")
            }
        }
        let R = B * Tn
        let scratch = inferenceScratch(rows: R, outputs: B)
        var flatTokens = [Int32](repeating: 0, count: R), positions = [Int32](repeating: 0, count: R)
        var starts = [Int32](repeating: 0, count: B), counts = [Int32](repeating: 0, count: B)
        for b in 0..<B {
            starts[b] = Int32(cache.lengths[slots[b]])
            counts[b] = Int32(tokens[b].count)
            for t in 0..<Tn {
                flatTokens[b * Tn + t] = t < tokens[b].count ? tokens[b][t] : 0
                positions[b * Tn + t] = Int32(min(cache.lengths[slots[b]] + t, maxT - 1))
            }
        }
        let slotIDs = slots.map { Int32($0) }
        let sharedSlots = slots.map { Int32(cache.sharedSlots[$0]) }, sharedLengths = slots.map { Int32(cache.sharedLengths[$0]) }
        let s = scratch
        Encoder.forward(
            out: s.x, tokens: flatTokens, positions: positions, tokenEmbedding: parameter(.tokenEmbedding),
            positionEmbedding: parameter(.positionEmbedding), B: B, T: Tn, C: C)
        for l in 0..<L {
            LayerNorm.forward(
                out: s.ln, mean: s.mean, rstd: s.rstd, inp: s.x, weight: parameter(.ln1Weight, layer: l),
                bias: parameter(.ln1Bias, layer: l), N: R, C: C)
            Matmul.forwardRowInvariant(
                out: s.qkv, inp: s.ln, weight: parameter(.qkvWeight, layer: l), bias: parameter(.qkvBias, layer: l),
                N: R, C: C, OC: 3 * C)
            s.atty.update(repeating: 0, count: R * C)
            Attention.forwardCached(
                out: s.atty, keyCache: cache.keys.base + l * cache.layerStride,
                valueCache: cache.values.base + l * cache.layerStride, qkv: s.qkv, slots: slotIDs, starts: starts,
                counts: counts, B: B, Tn: Tn, C: C, NH: NH, maxT: maxT, prefixSlots: sharedSlots, prefixLengths: sharedLengths)
            Matmul.forwardRowInvariant(
                out: s.ln, inp: s.atty, weight: parameter(.attentionProjectionWeight, layer: l),
                bias: parameter(.attentionProjectionBias, layer: l), N: R, C: C, OC: C)
            Residual.forward(out: s.x, a: s.x, b: s.ln, N: R * C)
            LayerNorm.forward(
                out: s.ln, mean: s.mean, rstd: s.rstd, inp: s.x, weight: parameter(.ln2Weight, layer: l),
                bias: parameter(.ln2Bias, layer: l), N: R, C: C)
            Matmul.forwardRowInvariant(
                out: s.fch, inp: s.ln, weight: parameter(.fcWeight, layer: l), bias: parameter(.fcBias, layer: l),
                N: R, C: C, OC: 4 * C)
            GELU.forward(out: s.fch, inp: s.fch, N: R * 4 * C)
            Matmul.forwardRowInvariant(
                out: s.ln, inp: s.fch, weight: parameter(.fcProjectionWeight, layer: l),
                bias: parameter(.fcProjectionBias, layer: l), N: R, C: 4 * C, OC: C)
            Residual.forward(out: s.x, a: s.x, b: s.ln, N: R * C)
        }
        for b in 0..<B {
            (s.last + b * C).update(from: s.x + (b * Tn + tokens[b].count - 1) * C, count: C)
            cache.lengths[slots[b]] += tokens[b].count
        }
        LayerNorm.forward(
            out: s.lastNormed, mean: s.mean, rstd: s.rstd, inp: s.last, weight: parameter(.finalLayerNormWeight),
            bias: parameter(.finalLayerNormBias), N: B, C: C)
        Matmul.forwardRowInvariant(out: s.logits, inp: s.lastNormed, weight: parameter(.tokenEmbedding), bias: nil, N: B, C: C, OC: V)
        return Array(UnsafeBufferPointer(start: s.logits, count: B * V))
    }

    func inferenceScratch(rows R: Int, outputs B: Int) -> InferenceScratch {
        if let existing = inference, existing.rows >= R, existing.outputs >= B { return existing }
        let fresh = InferenceScratch(config: config, rows: max(R, inference?.rows ?? 0), outputs: max(B, inference?.outputs ?? 0))
        inference = fresh
        return fresh
    }
}

/// Working memory of `extend`, grown on demand and kept between calls.
final class InferenceScratch {
    let rows: Int
    let outputs: Int
    let buffer: FloatBuffer
    let x, ln, mean, rstd, qkv, atty, fch, last, lastNormed, logits: UnsafeMutablePointer<Float>

    init(config: TransformerConfig, rows R: Int, outputs B: Int) {
        self.rows = R
        self.outputs = B
        let (C, V) = (config.channels, config.vocabularySize)
        let sizes = [R * C, R * C, max(R, B), max(R, B), R * 3 * C, R * C, R * 4 * C, B * C, B * C, B * V]
        buffer = FloatBuffer(count: sizes.reduce(0, +))
        var next = buffer.base
        var pointers: [UnsafeMutablePointer<Float>] = []
        for size in sizes {
            pointers.append(next)
            next += size
        }
        (x, ln, mean, rstd, qkv, atty, fch, last, lastNormed, logits) =
            (pointers[0], pointers[1], pointers[2], pointers[3], pointers[4], pointers[5], pointers[6], pointers[7],
             pointers[8], pointers[9])
    }
}
