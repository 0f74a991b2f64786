import CTRModel
import Foundation
import Testing

@Suite struct ClickModelTrainerTests {
    @Test func recoversTheWeightsOfASyntheticLogisticProblem() throws {
        let data = SyntheticClicks(rows: 20_000, seed: 7)
        let (model, summary) = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels)
        #expect(summary.converged)
        // Raw-feature weights: weights / scale.
        for c in 0..<3 {
            let raw = model.weights[c] / model.scaling.scale[c]
            #expect(abs(raw - SyntheticClicks.trueWeights[c]) < 0.12, "feature \(SyntheticClicks.features[c]): \(raw)")
        }
        #expect(model.weights[3] == 0, "a constant feature keeps weight 0")
        let fitted = BinaryMetrics(labels: data.labels, probabilities: model.probabilities(data.x))
        let ideal = BinaryMetrics(labels: data.labels, probabilities: data.truth)
        #expect(try #require(fitted.auc) > 0.8)
        #expect(abs(try #require(fitted.auc) - ideal.auc!) < 0.005)
        #expect(try #require(fitted.logLoss) <= ideal.logLoss! + 0.002)
    }

    @Test func generalisesToFreshRowsOfTheSameProblem() throws {
        let train = SyntheticClicks(rows: 5_000, seed: 1), test = SyntheticClicks(rows: 5_000, seed: 2)
        let (model, _) = try ClickModelTrainer.train(features: SyntheticClicks.features, x: train.x, labels: train.labels)
        let fitted = BinaryMetrics(labels: test.labels, probabilities: model.probabilities(test.x))
        let ideal = BinaryMetrics(labels: test.labels, probabilities: test.truth)
        #expect(abs(try #require(fitted.auc) - ideal.auc!) < 0.01)
    }

    @Test(arguments: [2, 4])
    func theSameRowsGiveTheSameBytesWhateverTheThreads(threads: Int) throws {
        let data = SyntheticClicks(rows: 10_000, seed: 3)
        var options = ClickModelTrainer.Options()
        let one = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels, options: options).model
        let again = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels, options: options).model
        options.threads = threads
        let parallel = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels, options: options).model
        #expect(one.json() == again.json())
        #expect(one.json() == parallel.json())
    }

    @Test func aLargerL2ShrinksTheWeights() throws {
        let data = SyntheticClicks(rows: 5_000, seed: 4)
        var options = ClickModelTrainer.Options()
        let loose = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels, options: options).model
        options.l2 = 1
        let tight = try ClickModelTrainer.train(features: SyntheticClicks.features, x: data.x, labels: data.labels, options: options).model
        #expect(abs(tight.weights[0]) < abs(loose.weights[0]) / 2)
    }

    @Test func aWarmStartReachesTheSameOptimum() throws {
        let first = SyntheticClicks(rows: 5_000, seed: 5), second = SyntheticClicks(rows: 6_000, seed: 6)
        let (start, _) = try ClickModelTrainer.train(features: SyntheticClicks.features, x: first.x, labels: first.labels)
        let (cold, _) = try ClickModelTrainer.train(features: SyntheticClicks.features, x: second.x, labels: second.labels)
        let (warm, summary) = try ClickModelTrainer.train(
            features: SyntheticClicks.features, x: second.x, labels: second.labels, initial: start)
        #expect(summary.converged)
        for c in 0..<3 { #expect(abs(warm.weights[c] - cold.weights[c]) < 1e-5) }
        #expect(abs(warm.bias - cold.bias) < 1e-5)
    }

    @Test func refusesRowsItCannotUse() throws {
        var x = FeatureMatrix(columnCount: 2)
        x.append([1, .nan])
        #expect { try ClickModelTrainer.train(features: ["a", "b"], x: x, labels: [true]) } throws: { error in
            (error as? ClickModelError)?.code == .invalidArgument && "\(error)".contains("'b'")
        }
        #expect { try ClickModelTrainer.train(features: ["a", "b"], x: FeatureMatrix(columnCount: 2), labels: []) } throws: { error in
            (error as? ClickModelError)?.code == .invalidArgument && "\(error)".contains("no training rows")
        }
        #expect { try ClickModelTrainer.train(features: ["a"], x: x, labels: [true]) } throws: { error in
            (error as? ClickModelError)?.code == .invalidArgument
        }
    }

    @Test func probabilitiesOfTheFoldedModelMatchTheStandardisedFormula() throws {
        let model = try ClickModel(
            features: ["a", "b"], scaling: FeatureScaling(mean: [1, 2], scale: [2, 4]), weights: [0.5, -1], bias: 0.25)
        let row = [3.0, 1.0]
        let expected = 1 / (1 + exp(-(0.25 + 0.5 * (3 - 1) / 2 - 1 * (1 - 2) / 4)))
        #expect(abs(model.probability(row) - expected) < 1e-15)
    }
}
