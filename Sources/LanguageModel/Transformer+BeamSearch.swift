// Beam search over the KV cache: 2·W slots, live beams in one half, their children forked into the other.
import Foundation

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

extension Transformer {
    /// The `beamWidth` best continuations of `prompt` by total log-probability (optionally normalised by
    /// length^`lengthPenalty`), best first; ties go to the earlier beam and the lower token id.
    public func beamSearch(
        prompt: [Int32], beamWidth: Int, maxNewTokens: Int, stopTokens: Set<Int32> = [], lengthPenalty: Float = 0,
        constraint: TokenTrie? = nil
    ) throws(LanguageModelError) -> [BeamHypothesis] {
        guard beamWidth > 0, maxNewTokens > 0 else { return [] }
        struct Beam {
            var tokens: [Int32]
            var logProbability: Float
            var slot: Int
            var state: TokenTrie.State
        }
        let V = config.vocabularySize
        let cache = KVCache(config: config, slots: 2 * beamWidth)
        var logits = try extend(cache: cache, slots: [0], tokens: [prompt])
        var beams = [Beam(tokens: [], logProbability: 0, slot: 0, state: 0)]
        var done: [BeamHypothesis] = []
        func hypothesis(_ tokens: [Int32], _ logProbability: Float, finished: Bool) -> BeamHypothesis {
            let score = logProbability / Float(pow(Double(max(tokens.count, 1)), Double(lengthPenalty)))
            return BeamHypothesis(tokens: tokens, logProbability: logProbability, finished: finished, score: score)
        }
        for step in 0..<maxNewTokens {
            // Every beam's best W extensions, then the best W overall.
            var candidates: [(beam: Int, token: Int32, logProbability: Float)] = []
            for (index, beam) in beams.enumerated() {
                logits.withUnsafeMutableBufferPointer { all in
                    let row = UnsafeMutableBufferPointer(rebasing: all[(index * V)..<((index + 1) * V)])
                    constraint?.mask(row, state: beam.state)
                    let shift = row.max() ?? 0
                    guard shift > -Float.infinity else { return }
                    let logTotal = Float(log(row.reduce(0.0) { $0 + exp(Double($1 - shift)) })) + shift
                    for (token, value) in Sampler.largest(UnsafeBufferPointer(row), count: beamWidth) {
                        candidates.append((index, token, beam.logProbability + value - logTotal))
                    }
                }
            }
            candidates.sort {
                $0.logProbability > $1.logProbability
                    || ($0.logProbability == $1.logProbability && ($0.beam, $0.token) < ($1.beam, $1.token))
            }
            let freeSlots = beams.first.map { $0.slot < beamWidth ? Array(beamWidth..<(2 * beamWidth)) : Array(0..<beamWidth) } ?? []
            var next: [Beam] = []
            for candidate in candidates.prefix(beamWidth) {
                let parent = beams[candidate.beam]
                let tokens = parent.tokens + [candidate.token]
                if stopTokens.contains(candidate.token) || step == maxNewTokens - 1
                    || cache.lengths[parent.slot] >= config.contextLength
                {
                    done.append(hypothesis(tokens, candidate.logProbability, finished: stopTokens.contains(candidate.token)))
                    continue
                }
                let slot = freeSlots[next.count]
                cache.copySlot(parent.slot, to: slot)
                let state = constraint.map { $0.advance(parent.state, by: candidate.token) ?? 0 } ?? 0
                next.append(Beam(tokens: tokens, logProbability: candidate.logProbability, slot: slot, state: state))
            }
            beams = next
            if beams.isEmpty || done.count >= beamWidth { break }
            logits = try extend(cache: cache, slots: beams.map(\.slot), tokens: beams.map { [$0.tokens[$0.tokens.count - 1]] })
        }
        done += beams.map { hypothesis($0.tokens, $0.logProbability, finished: false) }
        return Array(done.sorted { $0.score > $1.score }.prefix(beamWidth))
    }
}
