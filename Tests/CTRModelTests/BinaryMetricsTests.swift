import CTRModel
import Foundation
import Testing

@Suite struct BinaryMetricsTests {
    /// Hand-computed AUCs: (labels, scores, AUC).
    static let cases: [([Bool], [Double], Double?)] = [
        ([true, false], [0.9, 0.1], 1),
        ([true, false], [0.1, 0.9], 0),
        ([true, false], [0.5, 0.5], 0.5),
        // The click beats one non-click and ties the other: (1 + 0.5) / 2.
        ([true, false, false], [0.8, 0.3, 0.8], 0.75),
        // Two clicks, two non-clicks; pairs (c, n): (0.9, 0.4) win, (0.9, 0.1) win, (0.4, 0.4) tie, (0.4, 0.1) win.
        ([true, true, false, false], [0.9, 0.4, 0.4, 0.1], 3.5 / 4),
        // Every score equal: 0.5.
        ([true, false, true, false, false], [0.2, 0.2, 0.2, 0.2, 0.2], 0.5),
        // One class only: undefined.
        ([true, true], [0.1, 0.9], nil),
        ([false], [0.3], nil),
    ]

    @Test(arguments: cases)
    func aucCountsTiesAsHalf(labels: [Bool], scores: [Double], expected: Double?) {
        let auc = BinaryMetrics.auc(labels: labels, scores: scores)
        if let expected {
            #expect(auc.map { abs($0 - expected) < 1e-12 } == true, "\(String(describing: auc)) ≠ \(expected)")
        } else {
            #expect(auc == nil)
        }
    }

    @Test func aucMatchesCountingEveryPair() {
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let labels = (0..<300).map { _ in next() % 3 == 0 }
        let scores = (0..<300).map { _ in Double(next() % 20) / 20 }  // many ties
        var wins = 0.0, pairs = 0.0
        for i in labels.indices where labels[i] {
            for j in labels.indices where !labels[j] {
                pairs += 1
                wins += scores[i] > scores[j] ? 1 : (scores[i] == scores[j] ? 0.5 : 0)
            }
        }
        #expect(abs(BinaryMetrics.auc(labels: labels, scores: scores)! - wins / pairs) < 1e-12)
    }

    @Test func logLossIsTheMeanNegativeLogLikelihood() {
        let m = BinaryMetrics(labels: [true, false], probabilities: [0.8, 0.4])
        #expect(abs(m.logLoss! - (-(log(0.8) + log(0.6)) / 2)) < 1e-12)
        #expect(m.rows == 2)
        #expect(m.clicks == 1)
        #expect(m.clickRate == 0.5)
        // Certain and wrong: clipped, finite.
        let clipped = BinaryMetrics(labels: [true], probabilities: [0])
        #expect(clipped.logLoss!.isFinite)
        #expect(abs(clipped.logLoss! - -log(1e-15)) < 1e-9)
        #expect(BinaryMetrics(labels: [], probabilities: []).logLoss == nil)
    }
}
