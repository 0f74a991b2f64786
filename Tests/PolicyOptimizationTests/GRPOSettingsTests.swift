// The documented defaults, the entropy-bonus schedule, the skip band, and refused settings.
import PolicyOptimization
import Testing

@Suite("Settings")
struct GRPOSettingsTests {
    @Test func defaultsAreThePapersWhereItStatesThem() throws {
        let settings = GRPOSettings()
        #expect(settings.groupSize == 8 && settings.temperature == 1 && settings.topK == 100)
        #expect(settings.rewardClip == 10 && settings.advantageClip == 2)
        #expect(settings.entropyPercentile == 0.8)
        #expect(settings.epsilonLow == 0.2 && settings.epsilonHigh == 0.28 && settings.epsilonHigh > settings.epsilonLow)
        #expect(settings.klCoefficient == 0)
        #expect(settings.skipBelow == 0.1 && settings.skipAbove == 0.95)
        #expect(settings.advantageMode == .interestLevel)
        try settings.validate()
    }

    @Test func entropyBonusFallsLinearlyThenStays() {
        var settings = GRPOSettings()
        settings.entropyBonusStart = 0.01
        settings.entropyBonusEnd = 0.002
        settings.entropyBonusSteps = 40
        #expect(settings.entropyCoefficient(step: 0) == 0.01)
        #expect(abs(settings.entropyCoefficient(step: 10) - 0.008) < 1e-15)
        #expect(abs(settings.entropyCoefficient(step: 20) - 0.006) < 1e-15)
        #expect(settings.entropyCoefficient(step: 40) == 0.002)
        #expect(settings.entropyCoefficient(step: 400) == 0.002)
        let coefficients = (0...40).map { settings.entropyCoefficient(step: $0) }
        #expect(zip(coefficients, coefficients.dropFirst()).allSatisfy { $0 > $1 })
    }

    @Test(arguments: [(0.0, false), (0.0999, false), (0.1, true), (0.5, true), (0.95, true), (0.9501, false), (1, false)])
    func skipBandKeepsPromptsWithMeanRewardInside(meanReward: Double, kept: Bool) {
        #expect(GRPOSettings().keepsPrompt(meanReward: meanReward) == kept)
    }

    @Test func outOfRangeSettingsAreRefusedByName() {
        var settings = GRPOSettings()
        settings.epsilonHigh = 1.5
        let error = #expect(throws: PolicyOptimizationError.self) { try settings.validate() }
        #expect(error?.message.contains("'epsilonHigh' 1.5") == true)

        settings = GRPOSettings()
        settings.skipBelow = 0.9
        settings.skipAbove = 0.2
        #expect(throws: PolicyOptimizationError.self) { try settings.validate() }

        settings = GRPOSettings()
        settings.groupSize = 0
        let groupError = #expect(throws: PolicyOptimizationError.self) { try settings.validate() }
        #expect(groupError?.message == "Invalid GRPO settings: 'groupSize' is 0; it must be at least 1.")

        settings = GRPOSettings()
        settings.stdFloor = 0
        #expect(throws: PolicyOptimizationError.self) { try settings.validate() }

        settings = GRPOSettings()
        settings.listWeight = .nan
        #expect(throws: PolicyOptimizationError.self) { try settings.validate() }
    }
}
