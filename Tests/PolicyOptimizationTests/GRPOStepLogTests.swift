// The step log as one JSON line: snake_case keys, sorted, null for absent figures, a round trip.
import Foundation
import PolicyOptimization
import Testing

@Suite("Step log")
struct GRPOStepLogTests {
    static let log = GRPOStepLog(
        step: 3, prompts: 4, rollouts: 32, rewardMean: 1.5, normalisedRewardMean: 0.5, listRewardMean: 0.75,
        klToReference: nil, entropyMean: 2.25, entropyCoefficient: 0.001, skippedPromptShare: 0.25,
        zeroVarianceGroupShare: 0, clipFraction: 0.125, tokens: 120, gradientNorm: 0.5)

    @Test func jsonLineHasEveryKeySortedWithNullForAbsentFigures() throws {
        let line = try Self.log.jsonLine()
        #expect(
            line == """
                {"clip_fraction":0.125,"entropy_coefficient":0.001,"entropy_mean":2.25,"gradient_norm":0.5,\
                "kl_to_reference":null,"list_reward_mean":0.75,"normalised_reward_mean":0.5,"prompts":4,\
                "reward_mean":1.5,"rollouts":32,"skipped_prompt_share":0.25,"step":3,"tokens":120,\
                "zero_variance_group_share":0}
                """)
        #expect(!line.contains("\n"))
    }

    @Test func jsonRoundTrips() throws {
        var log = Self.log
        log.klToReference = 0.0625
        let decoded = try JSONDecoder().decode(GRPOStepLog.self, from: Data(try log.jsonLine().utf8))
        #expect(decoded == log)
        let withNull = try JSONDecoder().decode(GRPOStepLog.self, from: Data(try Self.log.jsonLine().utf8))
        #expect(withNull == Self.log)
    }

    @Test func nonFiniteFiguresBecomeStrings() throws {
        var log = Self.log
        log.rewardMean = .nan
        log.entropyMean = .infinity
        let line = try log.jsonLine()
        #expect(line.contains("\"reward_mean\":\"NaN\"") && line.contains("\"entropy_mean\":\"Infinity\""))
    }
}
