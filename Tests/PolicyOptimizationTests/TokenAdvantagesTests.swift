// Group-relative advantages: normalisation, exact zeros, the std floor, clipping, and which tokens get
// which term (query slots, structure, triggers) in IL-GRPO and in the sequence-GRPO ablation.
import PolicyOptimization
import Testing

@Suite("Advantages")
struct TokenAdvantagesTests {
    /// `q q <q> q <q> <eos>`: slot 0 = tokens 0-1, slot 1 = token 3; 2, 4, 5 are structure.
    static let twoSlots = RolloutLayout(
        tokenCount: 6, slots: [.init(text: "a b", tokens: 0..<2), .init(text: "c", tokens: 3..<4)], isComplete: true)

    static func settings(listWeight: Double = 1, mode: GRPOSettings.AdvantageMode = .interestLevel) -> GRPOSettings {
        var settings = GRPOSettings()
        settings.listWeight = listWeight
        settings.advantageMode = mode
        return settings
    }

    // MARK: - Normalisation

    @Test func normalisationUsesThePopulationStd() {
        #expect(GroupNormalisation.normalise([0, 1, 0, 1], stdFloor: 1e-4) == [-1, 1, -1, 1])
        // [1, 2, 3, 4]: mean 2.5, population σ √1.25 (the unbiased σ would give −1.1619 for the first).
        let normalised = GroupNormalisation.normalise([1, 2, 3, 4], stdFloor: 1e-4)
        #expect(abs(normalised[0] - (-1.5 / 1.25.squareRoot())) < 1e-15)
        #expect(abs(normalised[0] - (-1.3416407864998738)) < 1e-12)
    }

    @Test(arguments: [[0.1, 0.1, 0.1], [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7], [1e300, 1e300], [-3], [0, 0]])
    func constantGroupGivesExactlyZero(_ rewards: [Double]) {
        // The arithmetic route would not: the mean of [0.1, 0.1, 0.1] is 0.10000000000000002.
        let normalised = GroupNormalisation.normalise(rewards, stdFloor: 1e-4)
        #expect(normalised == [Double](repeating: 0, count: rewards.count))
        #expect(normalised.allSatisfy { !$0.isNaN })
    }

    @Test func stdFloorPreventsBlowUpOnNearlyEqualRewards() {
        // σ = 5e-10 here; without the floor the two rewards would get ±1 from float noise.
        let floored = GroupNormalisation.normalise([0, 1e-9], stdFloor: 1e-4)
        #expect(floored == [-5e-10 / 1e-4, 5e-10 / 1e-4])
        #expect(floored.allSatisfy { abs($0) <= 1e-5 })
        let unfloored = GroupNormalisation.normalise([0, 1e-9], stdFloor: 1e-300)
        #expect(unfloored == [-1, 1])
    }

    // MARK: - IL-GRPO

    @Test func ilGrpoAddsTheSlotAndListTermsPerToken() throws {
        let layouts = [RolloutLayout](repeating: Self.twoSlots, count: 4)
        let rewards = [
            RolloutRewards(queries: [1, 0], list: 1, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0, 0], list: 1, total: 0, normalised: 0.5),
            RolloutRewards(queries: [1, 1], list: 0, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0, 1], list: 0, total: 0, normalised: 0.5),
        ]
        // slot 0 → [1, −1, 1, −1]; slot 1 → [−1, −1, 1, 1]; list → [1, 1, −1, −1]; λ = 0.5
        let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: Self.settings(listWeight: 0.5))
        #expect(advantages[0] == [1.5, 1.5, 0.5, -0.5, 0.5, 0.5])
        #expect(advantages[1] == [-0.5, -0.5, 0.5, -0.5, 0.5, 0.5])
        #expect(advantages[2] == [0.5, 0.5, -0.5, 0.5, -0.5, -0.5])
        #expect(advantages[3] == [-1.5, -1.5, -0.5, 0.5, -0.5, -0.5])
    }

    @Test func constantGroupGivesEveryTokenExactlyZero() throws {
        let layouts = [RolloutLayout](repeating: Self.twoSlots, count: 8)
        let rewards = [RolloutRewards](repeating: RolloutRewards(queries: [0.1, 0.7], list: 0.3, total: 0.4, normalised: 0.4), count: 8)
        for mode in GRPOSettings.AdvantageMode.allCases {
            let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: Self.settings(mode: mode))
            #expect(advantages == [[Double]](repeating: [Double](repeating: 0, count: 6), count: 8), "\(mode)")
            #expect(TokenAdvantages.isZeroVariance(advantages))
        }
    }

    @Test func separatorsAndEndCarryOnlyTheListTerm() throws {
        let layouts = [RolloutLayout](repeating: Self.twoSlots, count: 4)
        let lists: [Double] = [0.25, 1, 0.5, 0]
        let rewards = lists.enumerated().map { i, list in
            RolloutRewards(queries: [Double(i), Double(3 - i) * 0.3], list: list, total: 0, normalised: 0.5)
        }
        let settings = Self.settings(listWeight: 0.7)
        let listTerm = GroupNormalisation.normalise(lists, stdFloor: settings.stdFloor).map { 0.7 * $0 }
        let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: settings)
        for i in 0..<4 {
            for t in [2, 4, 5] { #expect(advantages[i][t] == listTerm[i], "rollout \(i), token \(t)") }
            #expect(advantages[i][0] != listTerm[i])
        }
        // With equal list rewards the separators and the end get exactly 0, whatever the slots do.
        let flat = rewards.map { RolloutRewards(queries: $0.queries, list: 0.4, total: 0, normalised: 0.5) }
        let flatAdvantages = try TokenAdvantages.group(layouts: layouts, rewards: flat, settings: settings)
        for i in 0..<4 {
            #expect([2, 4, 5].map { flatAdvantages[i][$0] } == [0, 0, 0])
            #expect(flatAdvantages[i][0] != 0 && flatAdvantages[i][3] != 0)
        }
    }

    @Test func triggerTokensCarryOnlyTheTriggerAdvantage() throws {
        // <trig> <b0> </trig> q <q> <eos>: trigger group = tokens 1-2, slot 0 = token 3.
        let layout = RolloutLayout(
            tokenCount: 6, slots: [.init(text: "a", tokens: 3..<4)], triggerGroups: [.init(tokens: 1..<3, indices: [0])],
            isComplete: true)
        let layouts = [RolloutLayout](repeating: layout, count: 4)
        let triggers: [Double] = [1, 0.5, 0.5, 0]
        let rewards = (0..<4).map { i in
            RolloutRewards(queries: [Double(i)], list: Double(i % 2), triggers: [triggers[i]], total: 0, normalised: 0.5)
        }
        let settings = Self.settings(listWeight: 1)
        let triggerAdvantage = GroupNormalisation.normalise(triggers, stdFloor: settings.stdFloor)
        let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: settings)
        for i in 0..<4 {
            #expect(advantages[i][1] == triggerAdvantage[i] && advantages[i][2] == triggerAdvantage[i], "rollout \(i)")
        }
        // Equal trigger rewards: the trigger tokens get exactly 0 although list and slots vary.
        let sameTriggers = rewards.map { RolloutRewards(queries: $0.queries, list: $0.list, triggers: [0.5], total: 0, normalised: 0.5) }
        let flat = try TokenAdvantages.group(layouts: layouts, rewards: sameTriggers, settings: settings)
        for i in 0..<4 {
            #expect(flat[i][1] == 0 && flat[i][2] == 0)
            #expect(flat[i][0] != 0)  // <trig> is structure: the list term
        }
    }

    /// Paper-notes check 16: two rollouts that differ only at slot 2 differ only on slot-2 tokens.
    @Test func rolloutsDifferingOnlyAtOneSlotDifferOnlyOnItsTokens() throws {
        // three one-token slots: q <q> q <q> q <q> <eos>
        let layout = RolloutLayout(
            tokenCount: 7, slots: (0..<3).map { .init(text: "q\($0)", tokens: (2 * $0)..<(2 * $0 + 1)) }, isComplete: true)
        let rewards = [
            RolloutRewards(queries: [0.4, 0.9, 0.2], list: 0.8, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0.4, 0.9, 1.1], list: 0.8, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0.1, 0.3, 0.5], list: 0.2, total: 0, normalised: 0.5),
            RolloutRewards(queries: [1.0, 0.0, 0.7], list: 1.0, total: 0, normalised: 0.5),
        ]
        let advantages = try TokenAdvantages.group(
            layouts: [RolloutLayout](repeating: layout, count: 4), rewards: rewards, settings: Self.settings())
        let differing = (0..<7).filter { advantages[0][$0] != advantages[1][$0] }
        #expect(differing == [4])
    }

    @Test func slotIsNormalisedOverTheRolloutsThatReachIt() throws {
        func layout(slots: Int) -> RolloutLayout {
            RolloutLayout(
                tokenCount: 2 * slots + 1, slots: (0..<slots).map { .init(text: "q\($0)", tokens: (2 * $0)..<(2 * $0 + 1)) },
                isComplete: true)
        }
        let layouts = [layout(slots: 3), layout(slots: 2), layout(slots: 3), layout(slots: 1)]
        let rewards = [
            RolloutRewards(queries: [1, 1, 3], list: 0, total: 0, normalised: 0.5),
            RolloutRewards(queries: [1, 1], list: 0, total: 0, normalised: 0.5),
            RolloutRewards(queries: [1, 1, 1], list: 0, total: 0, normalised: 0.5),
            RolloutRewards(queries: [1], list: 0, total: 0, normalised: 0.5),
        ]
        let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: Self.settings())
        #expect(advantages[0][4] == 1 && advantages[2][4] == -1)  // slot 2: [3, 1] over rollouts 0 and 2 only
        #expect(advantages.map { $0[0] } == [0, 0, 0, 0])

        // A slot only one rollout reached: exactly 0 (its tokens keep the list term alone).
        let lone = [layout(slots: 2), layout(slots: 1), layout(slots: 1)]
        let loneRewards = [
            RolloutRewards(queries: [0.5, 9], list: 1, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0.5], list: 0, total: 0, normalised: 0.5),
            RolloutRewards(queries: [0.5], list: 0.5, total: 0, normalised: 0.5),
        ]
        let loneAdvantages = try TokenAdvantages.group(layouts: lone, rewards: loneRewards, settings: Self.settings())
        let listTerm = GroupNormalisation.normalise([1, 0, 0.5], stdFloor: 1e-4)[0]
        #expect(loneAdvantages[0][2] == listTerm && loneAdvantages[0][0] == listTerm)
    }

    @Test func advantagesAreClippedToTwo() throws {
        // One outlier among eight: (10 − 1.25)/σ ≈ 2.65 before the clip.
        let layouts = [RolloutLayout](repeating: Self.twoSlots, count: 8)
        let rewards = (0..<8).map { i in
            RolloutRewards(queries: [i == 7 ? 10 : 0, 0], list: i == 7 ? 10 : 0, total: i == 7 ? 10 : 0, normalised: 0.5)
        }
        for mode in GRPOSettings.AdvantageMode.allCases {
            let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: Self.settings(mode: mode))
            #expect(advantages[7][5] == 2, "\(mode): structure token of the outlier")
            if mode == .interestLevel { #expect(advantages[7][0] == 2, "slot + list would be 5.3") }
            #expect(advantages.joined().allSatisfy { abs($0) <= 2 })
            #expect(advantages[0][5] == -1.25 / (12.5 - 1.5625).squareRoot())
        }
    }

    // MARK: - Sequence GRPO

    @Test func sequenceGrpoGivesEveryTokenTheSameAdvantage() throws {
        let think = RolloutLayout(
            tokenCount: 6, slots: [.init(text: "a", tokens: 3..<4)], triggerGroups: [.init(tokens: 1..<3, indices: [0])],
            isComplete: true)
        let layouts = [Self.twoSlots, think, Self.twoSlots, think]
        let totals: [Double] = [1, 2, 3, 4]
        let rewards = (0..<4).map { i in
            RolloutRewards(
                queries: [Double](repeating: Double(9 - i), count: layouts[i].slots.count), list: Double(i * i),
                triggers: [Double](repeating: 0.5, count: layouts[i].triggerGroups.count), total: totals[i], normalised: 0.5)
        }
        let advantages = try TokenAdvantages.group(layouts: layouts, rewards: rewards, settings: Self.settings(mode: .sequence))
        let expected = GroupNormalisation.normalise(totals, stdFloor: 1e-4)
        for i in 0..<4 {
            #expect(advantages[i] == [Double](repeating: expected[i], count: 6), "rollout \(i)")
        }
    }

    @Test func mismatchedRewardsAreRefused() {
        let rewards = [RolloutRewards(queries: [1], list: 0, total: 0, normalised: 0)]
        #expect(throws: PolicyOptimizationError.self) {
            try TokenAdvantages.group(layouts: [Self.twoSlots], rewards: rewards, settings: Self.settings())
        }
        #expect(throws: PolicyOptimizationError.self) {
            try TokenAdvantages.group(layouts: [Self.twoSlots, Self.twoSlots], rewards: rewards, settings: Self.settings(mode: .sequence))
        }
    }
}
