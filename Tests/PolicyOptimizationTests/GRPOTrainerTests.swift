// The trainer on a toy task (reward 1 when the completion contains a target token): the reward rises,
// the same seed gives the same parameters, the first update is on-policy, skipped prompts train nothing.
import LanguageModel
import PolicyOptimization
import Testing

@Suite("GRPO trainer")
struct GRPOTrainerTests {
    static let config = TransformerConfig(vocabularySize: 12, channels: 16, layers: 1, heads: 2, contextLength: 12)
    static let target: Int32 = 7
    static let prompts: [[Int32]] = [[0, 1], [0, 2], [0, 3], [0, 4]]

    static func settings(mode: GRPOSettings.AdvantageMode = .interestLevel) -> GRPOSettings {
        var settings = GRPOSettings()
        settings.advantageMode = mode
        settings.maxNewTokens = 3
        settings.learningRate = 1e-2
        return settings
    }

    /// The whole completion is one slot; its reward is 1 when it holds the target token.
    static func parse(_ prompt: Int, _ completion: [Int32]) -> RolloutLayout {
        RolloutLayout(tokenCount: completion.count, slots: [.init(text: "", tokens: 0..<completion.count)], isComplete: true)
    }

    static func reward(_ prompt: Int, _ completion: [Int32], _ layout: RolloutLayout) -> RolloutRewards {
        let r: Double = completion.contains(target) ? 1 : 0
        return RolloutRewards(queries: [r], list: 0, total: r, normalised: r)
    }

    static func run(
        steps: Int, settings: GRPOSettings, seed: UInt64, policy: Transformer? = nil, reference: Transformer? = nil
    ) throws -> (policy: Transformer, logs: [GRPOStepLog]) {
        let model = try policy ?? Transformer(config: config, seed: 5)
        let trainer = try GRPOTrainer(policy: model, reference: reference, settings: settings, stopTokens: [], seed: seed)
        var logs: [GRPOStepLog] = []
        for _ in 0..<steps {
            logs.append(try trainer.step(prompts: prompts, parse: parse, reward: reward))
        }
        return (model, logs)
    }

    @Test(arguments: GRPOSettings.AdvantageMode.allCases)
    func meanRewardRisesOnAToyTask(_ mode: GRPOSettings.AdvantageMode) throws {
        let (_, logs) = try Self.run(steps: 30, settings: Self.settings(mode: mode), seed: 3)
        let first = logs.prefix(5).map(\.rewardMean).reduce(0, +) / 5
        let last = logs.suffix(5).map(\.rewardMean).reduce(0, +) / 5
        print("toy task \(mode.rawValue): mean reward \(first) → \(last)")
        #expect(first < 0.6)
        #expect(last > first + 0.25)
        #expect(logs.allSatisfy { $0.rollouts == 32 && $0.prompts == 4 && $0.klToReference == nil })
    }

    /// Two slots with their own rewards (token 7 wanted among the first two tokens, token 8 among the
    /// last two): per-slot advantages teach each half its own token.
    @Test func eachSlotLearnsItsOwnTarget() throws {
        var settings = Self.settings()
        settings.maxNewTokens = 4
        settings.skipBelow = 0
        let model = try Transformer(config: Self.config, seed: 5)
        let trainer = try GRPOTrainer(policy: model, settings: settings, stopTokens: [], seed: 4)
        func slots(_ completion: [Int32]) -> [Range<Int>] {
            [0..<min(2, completion.count), 2..<completion.count].filter { !$0.isEmpty }
        }
        var hits: [[Double]] = []
        for _ in 0..<30 {
            var stepHits = [0.0, 0.0]
            _ = try trainer.step(prompts: Self.prompts) { _, completion in
                RolloutLayout(
                    tokenCount: completion.count, slots: slots(completion).map { .init(text: "", tokens: $0) }, isComplete: true)
            } reward: { _, completion, layout in
                let rewards = layout.slots.enumerated().map { j, slot in
                    completion[slot.tokens].contains(Int32(7 + j)) ? 1.0 : 0
                }
                for (j, r) in rewards.enumerated() { stepHits[j] += r / 32 }
                let total = rewards.reduce(0, +) / 2
                return RolloutRewards(queries: rewards, list: 0, total: total, normalised: total)
            }
            hits.append(stepHits)
        }
        for j in 0..<2 {
            let first = hits.prefix(5).map { $0[j] }.reduce(0, +) / 5
            let last = hits.suffix(5).map { $0[j] }.reduce(0, +) / 5
            #expect(first < 0.4 && last > first + 0.3, "slot \(j): \(first) → \(last)")
        }
    }

    @Test func sameSeedGivesIdenticalParameters() throws {
        let settings = Self.settings()
        let (a, logsA) = try Self.run(steps: 3, settings: settings, seed: 9)
        let (b, logsB) = try Self.run(steps: 3, settings: settings, seed: 9)
        #expect(Array(a.parameters.pointer) == Array(b.parameters.pointer))
        #expect(logsA == logsB)
        let (c, _) = try Self.run(steps: 3, settings: settings, seed: 10)
        #expect(Array(a.parameters.pointer) != Array(c.parameters.pointer))
    }

    @Test func rolloutSeedsDifferPerStepPromptAndSeed() {
        let seeds = [
            GRPOTrainer.promptSeed(1, step: 0, prompt: 0), GRPOTrainer.promptSeed(1, step: 1, prompt: 0),
            GRPOTrainer.promptSeed(1, step: 0, prompt: 1), GRPOTrainer.promptSeed(2, step: 0, prompt: 0),
        ]
        #expect(Set(seeds).count == 4)
        #expect(GRPOTrainer.promptSeed(1, step: 5, prompt: 3) == GRPOTrainer.promptSeed(1, step: 5, prompt: 3))
    }

    @Test func klToAnIdenticalReferenceStartsAtZero() throws {
        let policy = try Transformer(config: Self.config, seed: 5)
        let reference = try Transformer(config: Self.config, parameters: Array(policy.parameters.pointer))
        let (_, logs) = try Self.run(steps: 4, settings: Self.settings(), seed: 3, policy: policy, reference: reference)
        #expect(logs[0].klToReference == 0)
        #expect(logs[3].klToReference.map { $0 > 0 } == true)
    }

    @Test func oneUpdatePerStepNeverClips() throws {
        var settings = Self.settings()
        settings.updatesPerStep = 1
        let (_, logs) = try Self.run(steps: 3, settings: settings, seed: 3)
        #expect(logs.allSatisfy { $0.clipFraction == 0 && $0.tokens > 0 })
        let (_, twoUpdates) = try Self.run(steps: 3, settings: Self.settings(), seed: 3)
        #expect(twoUpdates.allSatisfy { $0.clipFraction >= 0 && $0.clipFraction <= 1 })
    }

    @Test func promptsOutsideTheBandTrainNothing() throws {
        var settings = Self.settings()
        settings.skipBelow = 2
        settings.skipAbove = 3
        let policy = try Transformer(config: Self.config, seed: 5)
        let before = Array(policy.parameters.pointer)
        let (_, logs) = try Self.run(steps: 2, settings: settings, seed: 3, policy: policy)
        #expect(Array(policy.parameters.pointer) == before)
        #expect(logs.allSatisfy { $0.skippedPromptShare == 1 && $0.tokens == 0 && $0.entropyMean == nil && $0.gradientNorm == nil })
    }

    @Test func layoutThatMissesTokensIsRefused() throws {
        let trainer = try GRPOTrainer(policy: Transformer(config: Self.config, seed: 5), settings: Self.settings(), stopTokens: [], seed: 1)
        #expect(throws: PolicyOptimizationError.self) {
            try trainer.step(prompts: Self.prompts) { _, completion in
                RolloutLayout(tokenCount: completion.count + 1, slots: [], isComplete: true)
            } reward: { _, _, _ in
                RolloutRewards(queries: [], list: 0, total: 0, normalised: 0.5)
            }
        }
        #expect(throws: PolicyOptimizationError.self) { try trainer.step(prompts: [], parse: Self.parse, reward: Self.reward) }
    }
}
