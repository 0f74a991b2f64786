// The IL-GRPO rewards with the default weights (γ 10, β 1, w_ctr 1, w_rouge 1, w_len 0.2, w_fmt 1,
// w_rep 0.5, words 1...10, near-duplicates at ROUGE-L ≥ 0.8), checked number by number.
import PolicyOptimization
import Testing

@Suite("Rewards")
struct RewardFunctionTests {
    let function = RewardFunction()

    /// A Direct layout of `queries`, each one token per word, `<q>` after each, then `<eos>`.
    static func directLayout(_ queries: [String], complete: Bool = true) -> RolloutLayout {
        var slots: [RolloutLayout.Slot] = []
        var position = 0
        for query in queries {
            let count = RougeL.words(query).count
            slots.append(.init(text: query, tokens: position..<(position + count)))
            position += count + 1
        }
        return RolloutLayout(tokenCount: position + (complete ? 1 : 0), slots: slots, isComplete: complete)
    }

    @Test func ctrScoreIsScaledAndCapped() {
        #expect(function.ctrScore(probability: 0.05) == 0.5)
        #expect(function.ctrScore(probability: 0.3) == 1)
        #expect(function.ctrScore(probability: -0.1) == 0)
        #expect(function.ctrScore(probability: .nan) == 0)
    }

    @Test(arguments: [
        (3, true, 0.0), (1, true, 0), (10, true, 0), (0, true, -1), (15, true, -0.5), (25, true, -1), (3, false, -1),
    ])
    func lengthTermShape(words: Int, terminated: Bool, expected: Double) {
        #expect(function.lengthTerm(words: words, isTerminated: terminated) == expected)
    }

    @Test func queryRewardAddsTheThreeTerms() {
        // 1·clip(10·0.05, 0, 1) + 1·ROUGE-L 2/3 + 0.2·0
        #expect(function.queryReward("red hiking boots", reference: "blue hiking boots", ctrProbability: 0.05) == 0.5 + 2.0 / 3)
        // No reference at this position: ROUGE-L 0; cut off: length term −1.
        #expect(function.queryReward("tent", reference: nil, ctrProbability: 0.02, isTerminated: false) == 0.2 - 0.2)
    }

    @Test func rewardsAreClippedToTen() {
        var settings = GRPOSettings()
        settings.ctrScale = 1000
        settings.ctrCap = 100
        settings.lengthWeight = 50
        let big = RewardFunction(settings: settings)
        #expect(big.queryReward("tent", reference: "tent", ctrProbability: 1) == 10)
        settings.ctrWeight = 0
        #expect(RewardFunction(settings: settings).queryReward("tent", reference: nil, ctrProbability: 0, isTerminated: false) == -10)
        settings.repetitionWeight = 100
        let repeated = Self.directLayout(["tent", "tent", "tent"])
        #expect(RewardFunction(settings: settings).listReward(repeated, target: RolloutTarget(queries: [], requestedCount: 3)) == -10)
    }

    @Test func formatScoreChecksEndCountStructureAndTriggers() {
        let target = RolloutTarget(queries: [], requestedCount: 2, behaviourIndices: [0, 1])
        let good = Self.directLayout(["red boots", "tent"])
        #expect(function.formatScore(good, target: target) == 1)
        #expect(function.formatScore(Self.directLayout(["red boots", "tent"], complete: false), target: target) == 0.75)
        #expect(function.formatScore(Self.directLayout(["red boots"]), target: target) == 0.875)  // count 1 of 2
        #expect(function.formatScore(Self.directLayout(["a", "b", "c", "d"]), target: target) == 0.75)  // count 4 of 2
        var malformed = good
        malformed.malformations = 1
        #expect(function.formatScore(malformed, target: target) == 0.875)
        var triggered = good
        triggered.tokenCount += 4
        triggered.triggerGroups = [.init(tokens: (good.tokenCount + 1)..<(good.tokenCount + 4), indices: [0, 5])]
        #expect(function.formatScore(triggered, target: target) == 0.875)  // index 5 is not in the prompt
        triggered.triggerGroups[0].indices = [1, 0]
        #expect(function.formatScore(triggered, target: target) == 1)
    }

    @Test func duplicatesAndNearDuplicatesAreCounted() {
        #expect(function.repeatedQueries(["red boots", "tent", "red boots"]) == 1)
        #expect(function.repeatedQueries(["hiking boots", "waterproof hiking boots"]) == 1)  // ROUGE-L 0.8
        #expect(function.repeatedQueries(["red hiking boots", "blue hiking boots"]) == 0)  // 0.67 < 0.8
        #expect(function.repeatedQueries(["tent", "tent", "tent"]) == 2)
        #expect(function.repeatedQueries(["手机壳", "手机壳套"]) == 1)  // 6/7 ≥ 0.8
        #expect(function.repeatedQueries([]) == 0)
    }

    struct RepetitionCase: Sendable, CustomTestStringConvertible {
        var repeated: [String], clean: [String]
        var testDescription: String { "\(repeated) < \(clean)" }
    }

    /// Paper-notes check 15: a list with a duplicate or near-duplicate scores strictly lower than the same
    /// list without it (the query replaced by a distinct one, or dropped).
    @Test(arguments: [
        RepetitionCase(repeated: ["red boots", "tent", "red boots"], clean: ["red boots", "tent", "sleeping bag"]),
        RepetitionCase(repeated: ["red boots", "tent", "red boots"], clean: ["red boots", "tent"]),
        RepetitionCase(repeated: ["hiking boots", "tent", "waterproof hiking boots"], clean: ["hiking boots", "tent", "camp stove"]),
        RepetitionCase(repeated: ["hiking boots", "tent", "waterproof hiking boots"], clean: ["hiking boots", "tent"]),
        RepetitionCase(repeated: ["tent", "tent"], clean: ["tent"]),
    ])
    func listWithARepeatScoresStrictlyLower(_ pair: RepetitionCase) {
        for requested in [1, 2, 3, 10] {
            let target = RolloutTarget(queries: [], requestedCount: requested)
            let repeated = function.listReward(Self.directLayout(pair.repeated), target: target)
            let clean = function.listReward(Self.directLayout(pair.clean), target: target)
            #expect(repeated < clean, "requested \(requested): \(repeated) vs \(clean)")
        }
    }

    @Test func triggerRewardIsRougeOfIndices() {
        #expect(function.triggerReward([1, 2], reference: [1, 2]) == 1)
        #expect(function.triggerReward([2], reference: [1, 2]) == 2.0 / 3)
        #expect(function.triggerReward([1, 2], reference: nil) == 0)
        #expect(function.triggerReward([], reference: []) == 1)
    }

    @Test func rolloutRewardsAverageTheRequestedSlotsAndAddTheListReward() {
        let target = RolloutTarget(queries: ["red hiking boots", "tent", "camp stove"], requestedCount: 3)
        let layout = Self.directLayout(["blue hiking boots", "tent"])
        let rewards = function.rewards(layout, target: target) { $0 == "tent" ? 0.05 : 0.2 }
        let query0 = 1 + 2.0 / 3  // CTR capped at 1, ROUGE-L 2/3
        let query1 = 0.5 + 1.0  // CTR 0.5, ROUGE-L 1
        #expect(rewards.queries == [query0, query1])
        let list = (1 + (1 - 1.0 / 3) + 1 + 1) / 4  // two of three queries
        #expect(rewards.list == list)
        #expect(rewards.triggers == [])
        #expect(rewards.total == (query0 + query1) / 3 + list)  // the missing third slot counts 0
        #expect(function.maximumTotal == 3)
        #expect(rewards.normalised == rewards.total / 3)
    }

    @Test func slotsPastTheRequestedCountDoNotRaiseTheTotal() {
        let target = RolloutTarget(queries: ["tent"], requestedCount: 1)
        let one = function.rewards(Self.directLayout(["tent"]), target: target) { _ in 0.1 }
        let two = function.rewards(Self.directLayout(["tent", "camp stove"]), target: target) { _ in 0.1 }
        #expect(two.queries.count == 2)
        #expect(two.total < one.total)  // same first slot, the extra query only costs format
    }
}
