// Generation: the cache gives the same numbers as recomputing, batches do not change sequences,
// constraints hold, beams are ranked by their true log-probabilities.
import Foundation
import Kernels
import LanguageModel
import Testing

@Suite("Generation")
struct GenerationTests {
    static let config = TransformerConfig(vocabularySize: 23, channels: 16, layers: 2, heads: 2, contextLength: 24)

    static func model(seed: UInt64 = 5) throws -> Transformer {
        // Larger-than-default weights so the distributions are far from uniform.
        let base = try Transformer(config: config, seed: seed)
        var generator = SplitMix64(seed: seed)
        let values = Array(base.parameters.pointer).map { $0 * 10 + Float(generator.nextGaussian() * 0.01) }
        return try Transformer(config: config, parameters: values)
    }

    static func logSoftmax(_ row: ArraySlice<Float>) -> [Float] {
        let shift = row.max() ?? 0
        let logTotal = Float(log(row.reduce(0.0) { $0 + exp(Double($1 - shift)) })) + shift
        return row.map { $0 - logTotal }
    }

    @Test func cachedDecodeEqualsRecompute() throws {
        let model = try Self.model()
        let V = Self.config.vocabularySize
        let sequence: [Int32] = [3, 17, 4, 4, 9, 22, 0, 13, 8, 1, 5]
        try model.forward(tokens: sequence, batchSize: 1, length: sequence.count)
        let full = model.logits  // (T, V)
        let cache = KVCache(config: Self.config, slots: 2)
        var cached = try model.extend(cache: cache, slots: [1], tokens: [Array(sequence.prefix(4))])
        for t in 4..<sequence.count {
            checkTensor(cached, Array(full[((t - 1) * V)..<(t * V)]), "logits after position \(t - 1)", absolute: 1e-4, relative: 1e-4)
            cached = try model.extend(cache: cache, slots: [1], tokens: [[sequence[t]]])
        }
        checkTensor(cached, Array(full[((sequence.count - 1) * V)...]), "last logits", absolute: 1e-4, relative: 1e-4)
        #expect(cache.lengths == [0, sequence.count])
    }

    @Test func batchedPrefillOfUnequalPromptsEqualsOneByOne() throws {
        let model = try Self.model()
        let prompts: [[Int32]] = [[1, 2, 3], [7], [4, 5, 6, 7, 8, 9], [2, 2]]
        let cache = KVCache(config: Self.config, slots: 4)
        let together = try model.extend(cache: cache, slots: [0, 1, 2, 3], tokens: prompts)
        let V = Self.config.vocabularySize
        for (b, prompt) in prompts.enumerated() {
            let alone = try model.extend(cache: KVCache(config: Self.config, slots: 1), slots: [0], tokens: [prompt])
            #expect(Array(together[(b * V)..<((b + 1) * V)]) == alone, "prompt \(b)")
        }
    }

    @Test func sameSeedGivesSameTokensAtAnyBatchSizeAndThreadCount() throws {
        let model = try Self.model()
        var requests: [GenerationRequest] = []
        for i in 0..<6 {
            let prompt: [Int32] = (0...(i % 3)).map { j in Int32((j * 7 + i) % 23) }
            requests.append(GenerationRequest(prompt: prompt, seed: UInt64(100 + i)))
        }
        let options = SamplingOptions(temperature: 1, topK: 8, maxNewTokens: 12, stopTokens: [0])
        Workers.count = 2
        let batched = try model.generate(requests, options: options)
        Workers.count = 1
        let alone = try requests.map { try model.generate([$0], options: options)[0] }
        Workers.count = 3
        let inThrees = try model.generate(Array(requests.prefix(3)), options: options)
            + model.generate(Array(requests.suffix(3)), options: options)
        #expect(batched == alone)
        #expect(batched == inThrees)
        #expect(Set(batched).count > 1, "different seeds should give different samples")
        let reseeded = try model.generate(requests.map { GenerationRequest(prompt: $0.prompt, seed: $0.seed + 1) }, options: options)
        #expect(reseeded != batched)
    }

    @Test func greedyFollowsTheArgmaxOfRecomputedLogits() throws {
        let model = try Self.model()
        let prompt: [Int32] = [5, 6, 7]
        let generated = try model.generate([GenerationRequest(prompt: prompt, seed: 1)], options: SamplingOptions(temperature: 0, maxNewTokens: 6))[0]
        var sequence = prompt
        for token in generated {
            try model.forward(tokens: sequence, batchSize: 1, length: sequence.count)
            let V = Self.config.vocabularySize
            let last = model.logits[((sequence.count - 1) * V)...]
            #expect(Int32(last.indices.max { last[$0] < last[$1] }! - (sequence.count - 1) * V) == token)
            sequence.append(token)
        }
    }

    @Test func constrainedGenerationSpellsOnlyKnownSequences() throws {
        let model = try Self.model()
        let separator: Int32 = 1
        let known: [[Int32]] = [[5, 6], [5, 7, 8], [9], [10, 11, 12]]
        let trie = TokenTrie(sequences: known, separators: [separator])
        let options = SamplingOptions(temperature: 1.5, topK: 0, maxNewTokens: 14)
        let outputs = try model.generate((0..<8).map { GenerationRequest(prompt: [3], seed: UInt64($0)) }, options: options, constraint: trie)
        for output in outputs {
            var pieces = output.split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
            let tail = pieces.removeLast()  // may be cut off by maxNewTokens
            #expect(pieces.allSatisfy { known.contains($0) }, "\(output)")
            #expect(known.contains { $0.starts(with: tail) } || tail.isEmpty, "\(output)")
        }
    }

    @Test func beamSearchRanksByTrueLogProbability() throws {
        let model = try Self.model()
        let prompt: [Int32] = [2, 3]
        let beams = try model.beamSearch(prompt: prompt, beamWidth: 4, maxNewTokens: 5, stopTokens: [0])
        #expect(beams.count == 4)
        #expect(zip(beams, beams.dropFirst()).allSatisfy { $0.score >= $1.score })
        for beam in beams {
            let sequence = prompt + beam.tokens
            try model.forward(tokens: sequence, batchSize: 1, length: sequence.count)
            let V = Self.config.vocabularySize
            var total: Float = 0
            for (i, token) in beam.tokens.enumerated() {
                let t = prompt.count - 1 + i
                total += Self.logSoftmax(model.logits[(t * V)..<((t + 1) * V)])[Int(token)]
            }
            #expect(abs(total - beam.logProbability) < 1e-3, "\(beam.tokens)")
        }
        let greedy = try model.generate([GenerationRequest(prompt: prompt, seed: 0)], options: SamplingOptions(temperature: 0, maxNewTokens: 5, stopTokens: [0]))[0]
        #expect(try model.beamSearch(prompt: prompt, beamWidth: 1, maxNewTokens: 5, stopTokens: [0])[0].tokens == greedy)
    }

    @Test func batchedBeamSearchEqualsOneByOne() throws {
        let model = try Self.model()
        let prompts: [[Int32]] = [[2, 3], [7, 1, 19, 4, 4], [11], [2, 3, 5, 8, 13, 21, 1]]
        let trie = TokenTrie(sequences: [[4, 5], [4, 6, 7], [9], [10, 11, 12], [4, 5, 9]], separators: [1, 0])
        for constraint in [nil, trie] {
            let options = BeamSearchOptions(beamWidth: 3, maxNewTokens: 6, stopTokens: [0])
            let batched = try model.beamSearch(prompts: prompts, options: options, constraint: constraint)
            #expect(batched.count == prompts.count)
            for (prompt, hypotheses) in zip(prompts, batched) {
                let alone = try model.beamSearch(prompts: [prompt], options: options, constraint: constraint)[0]
                #expect(hypotheses == alone, "prompt \(prompt)")
                #expect(hypotheses.count == 3)
                if constraint != nil {
                    for hypothesis in hypotheses {
                        var state = 0
                        for token in hypothesis.tokens { state = try #require(trie.advance(state, by: token), "\(hypothesis.tokens)") }
                    }
                }
            }
        }
    }

    @Test func sharedPromptSlotsReadTheSameNumbersAsCopies() throws {
        let model = try Self.model()
        let cache = KVCache(config: Self.config, slots: 4)
        let prompt: [Int32] = [3, 17, 4, 4, 9]
        _ = try model.extend(cache: cache, slots: [0], tokens: [prompt])
        cache.share(0, with: 1)
        cache.copySlot(0, to: 2)
        let shared = try model.extend(cache: cache, slots: [1, 2], tokens: [[8], [8]])
        let V = Self.config.vocabularySize
        #expect(Array(shared[0..<V]) == Array(shared[V..<(2 * V)]))
        cache.copySlot(1, to: 3)  // a fork of a sharing slot copies only its own positions and keeps sharing
        #expect(cache.sharedSlots[3] == 0 && cache.sharedLengths[3] == prompt.count && cache.lengths[3] == prompt.count + 1)
        let next = try model.extend(cache: cache, slots: [3, 2], tokens: [[6], [6]])
        #expect(Array(next[0..<V]) == Array(next[V..<(2 * V)]))
    }

    @Test func topKNeverDrawsOutsideTheKLargest() {
        let logits: [Float] = [0.1, 3, -1, 2.5, 2.9, -.infinity, 0]
        var generator = SplitMix64(seed: 3)
        var seen = Set<Int32>()
        logits.withUnsafeBufferPointer { row in
            for _ in 0..<300 { seen.insert(Sampler.sample(logits: row, temperature: 1, topK: 3, generator: &generator)) }
        }
        #expect(seen == [1, 3, 4])
    }
}
