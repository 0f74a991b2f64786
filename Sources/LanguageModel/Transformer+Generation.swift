// Batched sampling: prefill every prompt at once, then decode one token per live sequence per step.
import Kernels

/// One sequence to generate: its prompt and its own seed.
public struct GenerationRequest: Sendable, Hashable {
    /// The prompt's token ids (non-empty).
    public var prompt: [Int32]
    /// The seed of this sequence's generator: same prompt and seed ⇒ same tokens, in any batch.
    public var seed: UInt64

    /// A request.
    public init(prompt: [Int32], seed: UInt64) {
        self.prompt = prompt
        self.seed = seed
    }
}

extension Transformer {
    /// Samples a continuation for every request (temperature and top-k, optionally constrained to a trie).
    ///
    /// Each sequence draws from its own `SplitMix64(seed:)`, and the model's rows do not depend on
    /// their neighbours, so the result for a request is the same at any batch size and thread count.
    /// A sequence ends at a stop token (kept), at `maxNewTokens`, or when the context is full.
    /// - Parameters:
    ///   - requests: prompts and seeds.
    ///   - options: temperature, top-k, length, stop tokens.
    ///   - constraint: if given, only sequences of the trie (joined by its separators) can be generated.
    ///   - samples: continuations per request (the prompt is run once and its cache copied); sample `s`
    ///     of a request draws from `SplitMix64(seed: Transformer.sampleSeed(seed, s))`.
    ///   - cache: a cache with at least `requests.count × samples` slots to reuse; one is made otherwise.
    /// - Returns: the new tokens of each request's samples: request 0's samples first, then request 1's, ….
    public func generate(
        _ requests: [GenerationRequest], options: SamplingOptions, constraint: TokenTrie? = nil, samples: Int = 1,
        cache: KVCache? = nil
    ) throws(LanguageModelError) -> [[Int32]] {
        if requests.isEmpty || samples < 1 { return [] }
        let B = requests.count * samples
        let cache = cache ?? KVCache(config: config, slots: B)
        guard cache.slots >= B else { throw .invalidInput("the cache has \(cache.slots) slots for \(B) sequences") }
        cache.reset()
        let V = config.vocabularySize
        var generators = requests.flatMap { request in (0..<samples).map { SplitMix64(seed: Self.sampleSeed(request.seed, $0)) } }
        var states = [TokenTrie.State](repeating: 0, count: B)
        var outputs = [[Int32]](repeating: [], count: B)
        var active = Array(0..<B)
        // Prefill each prompt once, in its first sample's slot; the other samples copy its cache and logits.
        let prefilled = try extend(cache: cache, slots: requests.indices.map { $0 * samples }, tokens: requests.map(\.prompt))
        var logits = prefilled
        if samples > 1 {
            logits = [Float](repeating: 0, count: B * V)
            for r in requests.indices {
                for s in 0..<samples {
                    if s > 0 { cache.copySlot(r * samples, to: r * samples + s) }
                    logits.replaceSubrange((r * samples + s) * V..<(r * samples + s + 1) * V, with: prefilled[r * V..<(r + 1) * V])
                }
            }
        }
        while !active.isEmpty && options.maxNewTokens > 0 {
            // Sample every live sequence (in parallel: each row has its own generator and logits).
            var sampled = [Int32](repeating: 0, count: active.count)
            let activeRows = active
            logits.withUnsafeMutableBufferPointer { all in
                generators.withUnsafeMutableBufferPointer { generatorsBuffer in
                    sampled.withUnsafeMutableBufferPointer { sampledBuffer in
                        Workers.forEach(activeRows.count) { row in
                            let b = activeRows[row]
                            let slice = UnsafeMutableBufferPointer(rebasing: all[(row * V)..<((row + 1) * V)])
                            constraint?.mask(slice, state: states[b])
                            sampledBuffer[row] = Sampler.sample(
                                logits: UnsafeBufferPointer(slice), temperature: options.temperature,
                                topK: options.topK, generator: &generatorsBuffer[b])
                        }
                    }
                }
            }
            var next: [Int] = [], nextTokens: [[Int32]] = []
            for (row, b) in active.enumerated() {
                let token = sampled[row]
                outputs[b].append(token)
                if let constraint { states[b] = constraint.advance(states[b], by: token) ?? 0 }
                let finished = options.stopTokens.contains(token) || outputs[b].count >= options.maxNewTokens
                    || cache.lengths[b] >= config.contextLength
                if !finished {
                    next.append(b)
                    nextTokens.append([token])
                }
            }
            active = next
            if active.isEmpty { break }
            logits = try extend(cache: cache, slots: active, tokens: nextTokens)
        }
        return outputs
    }

    /// The seed of sample `index` of a request seeded `seed`: `seed` itself for sample 0.
    public static func sampleSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        index == 0 ? seed : seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    }
}
