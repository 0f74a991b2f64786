// Beam search over the KV cache, batched over prompts: each prompt keeps its own slot, and its beams
// live in 2·W slots of their own (the live beams in one half, their children forked into the other)
// that read the prompt from the prompt's slot instead of copying it.
import Foundation
import Kernels

/// One finished (or cut-off) beam.
public struct BeamHypothesis: Sendable, Hashable {
    /// The generated tokens (a stop token, if it ended on one, included).
    public var tokens: [Int32]
    /// Σ log p of the tokens.
    public var logProbability: Float
    /// Whether it ended on a stop token.
    public var finished: Bool
    /// `logProbability / length^lengthPenalty`, the ranking key.
    public var score: Float
}

/// What a beam search looks for (the same for every prompt of a batch).
public struct BeamSearchOptions: Sendable, Hashable {
    /// Beams kept per prompt, and hypotheses returned.
    public var beamWidth: Int
    /// The most tokens a hypothesis may have.
    public var maxNewTokens: Int
    /// Tokens that finish a hypothesis (kept in it).
    public var stopTokens: Set<Int32>
    /// Hypotheses rank by `logProbability / length^lengthPenalty` (0: total log-probability).
    public var lengthPenalty: Float

    /// Options.
    public init(beamWidth: Int, maxNewTokens: Int, stopTokens: Set<Int32> = [], lengthPenalty: Float = 0) {
        self.beamWidth = beamWidth
        self.maxNewTokens = maxNewTokens
        self.stopTokens = stopTokens
        self.lengthPenalty = lengthPenalty
    }
}

extension Transformer {
    /// The `beamWidth` best continuations of `prompt` by total log-probability (optionally normalised by
    /// length^`lengthPenalty`), best first; ties go to the earlier beam and the lower token id. The search
    /// ends when `beamWidth` hypotheses are done and no live beam can beat them (by log-probability;
    /// with a length penalty, as soon as `beamWidth` are done), or after `maxNewTokens`.
    public func beamSearch(
        prompt: [Int32], beamWidth: Int, maxNewTokens: Int, stopTokens: Set<Int32> = [], lengthPenalty: Float = 0,
        constraint: TokenTrie? = nil
    ) throws(LanguageModelError) -> [BeamHypothesis] {
        let options = BeamSearchOptions(
            beamWidth: beamWidth, maxNewTokens: maxNewTokens, stopTokens: stopTokens, lengthPenalty: lengthPenalty)
        return try beamSearch(prompts: [prompt], options: options, constraint: constraint)[0]
    }

    /// Slots a cache needs for ``beamSearch(prompts:options:constraint:cache:)`` of `prompts` prompts.
    public static func beamSearchSlots(prompts: Int, beamWidth: Int) -> Int { prompts * (1 + 2 * beamWidth) }

    /// Beam search of every prompt at once (one model call per step for all their beams); each prompt's
    /// hypotheses are exactly those of a search of that prompt alone.
    /// - Parameters:
    ///   - prompts: non-empty token lists.
    ///   - options: width, length, stop tokens, length penalty.
    ///   - constraint: if given, only sequences of the trie (joined by its separators) are searched.
    ///   - cache: a cache with at least ``beamSearchSlots(prompts:beamWidth:)`` slots to reuse; one is made otherwise.
    /// - Returns: per prompt, up to `beamWidth` hypotheses, best first.
    public func beamSearch(
        prompts: [[Int32]], options: BeamSearchOptions, constraint: TokenTrie? = nil, cache: KVCache? = nil
    ) throws(LanguageModelError) -> [[BeamHypothesis]] {
        let (W, P) = (options.beamWidth, prompts.count)
        guard W > 0, options.maxNewTokens > 0, P > 0 else { return prompts.map { _ in [] } }
        let needed = Self.beamSearchSlots(prompts: P, beamWidth: W)
        let cache = cache ?? KVCache(config: config, slots: needed)
        guard cache.slots >= needed else { throw .invalidInput("the cache has \(cache.slots) slots; beam search needs \(needed)") }
        cache.reset()
        struct Beam {
            var tokens: [Int32]
            var logProbability: Float
            var slot: Int
            var state: TokenTrie.State
        }
        struct Search {
            var beams: [Beam]
            var done: [BeamHypothesis] = []
            /// Which half of the prompt's 2·W beam slots the next beams go to.
            var half = 0
            /// Whether the search is settled (the live beams then end as they are).
            var stopped = false
        }
        let V = config.vocabularySize
        func hypothesis(_ tokens: [Int32], _ logProbability: Float, finished: Bool) -> BeamHypothesis {
            let score = logProbability / Float(pow(Double(max(tokens.count, 1)), Double(options.lengthPenalty)))
            return BeamHypothesis(tokens: tokens, logProbability: logProbability, finished: finished, score: score)
        }
        // Each search starts from one empty beam in its prompt's own slot.
        var logits = try extend(cache: cache, slots: Array(0..<P), tokens: prompts)
        var searches = (0..<P).map { Search(beams: [Beam(tokens: [], logProbability: 0, slot: $0, state: 0)]) }
        for step in 0..<options.maxNewTokens {
            // The rows of `logits`, in order: every live beam of every search.
            var row = 0
            var live: [(slot: Int, token: Int32)] = []
            for p in 0..<P where !searches[p].beams.isEmpty && !searches[p].stopped {
                let beams = searches[p].beams
                // Every beam's best W extensions, then the best W overall.
                var candidates: [(beam: Int, token: Int32, logProbability: Float)] = []
                for (index, beam) in beams.enumerated() {
                    logits.withUnsafeMutableBufferPointer { all in
                        let values = UnsafeMutableBufferPointer(rebasing: all[((row + index) * V)..<((row + index + 1) * V)])
                        constraint?.mask(values, state: beam.state)
                        let shift = values.max() ?? 0
                        guard shift > -Float.infinity else { return }
                        let logTotal = Float(log(values.reduce(0.0) { $0 + exp(Double($1 - shift)) })) + shift
                        for (token, value) in Sampler.largest(UnsafeBufferPointer(values), count: W) {
                            candidates.append((index, token, beam.logProbability + value - logTotal))
                        }
                    }
                }
                row += beams.count
                candidates.sort {
                    $0.logProbability > $1.logProbability
                        || ($0.logProbability == $1.logProbability && ($0.beam, $0.token) < ($1.beam, $1.token))
                }
                let firstSlot = P + p * 2 * W + searches[p].half * W
                var next: [Beam] = []
                for candidate in candidates.prefix(W) {
                    let parent = beams[candidate.beam]
                    let tokens = parent.tokens + [candidate.token]
                    let stops = options.stopTokens.contains(candidate.token)
                    if stops || step == options.maxNewTokens - 1 || cache.lengths[parent.slot] >= config.contextLength {
                        searches[p].done.append(hypothesis(tokens, candidate.logProbability, finished: stops))
                        continue
                    }
                    let slot = firstSlot + next.count
                    if parent.slot < P { cache.share(parent.slot, with: slot) } else { cache.copySlot(parent.slot, to: slot) }
                    let state = constraint.map { $0.advance(parent.state, by: candidate.token) ?? 0 } ?? 0
                    next.append(Beam(tokens: tokens, logProbability: candidate.logProbability, slot: slot, state: state))
                }
                searches[p].half = 1 - searches[p].half
                searches[p].beams = next
                searches[p].stopped = Self.isSettled(searches[p].done, live: next.map(\.logProbability), options: options)
                if searches[p].stopped { continue }
                live += searches[p].beams.map { ($0.slot, $0.tokens[$0.tokens.count - 1]) }
            }
            if live.isEmpty { break }
            logits = try extend(cache: cache, slots: live.map(\.slot), tokens: live.map { [$0.token] })
        }
        return searches.map { search in
            let all = search.done + search.beams.map { hypothesis($0.tokens, $0.logProbability, finished: false) }
            return Array(all.sorted { $0.score > $1.score }.prefix(W))
        }
    }

    /// Whether a search may stop: `beamWidth` hypotheses are done and, when ranking by total
    /// log-probability, no live beam can still beat the worst of the best `beamWidth` (a beam's
    /// log-probability only falls as it grows).
    static func isSettled(_ done: [BeamHypothesis], live: [Float], options: BeamSearchOptions) -> Bool {
        guard done.count >= options.beamWidth else { return false }
        guard options.lengthPenalty == 0, let best = live.max() else { return true }
        let worstKept = done.map(\.score).sorted(by: >)[options.beamWidth - 1]
        return best <= worstKept
    }
}
