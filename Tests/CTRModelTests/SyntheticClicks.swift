import CTRModel
import Foundation

/// A seeded synthetic click problem: features drawn uniformly, clicks drawn from a known logistic
/// model, so a fit can be checked against the truth.
struct SyntheticClicks {
    var x: FeatureMatrix
    var labels: [Bool]
    /// The true click probability of each row.
    var truth: [Double]

    static let features = ["signal", "anti", "noise", "constant"]
    /// The true raw weights of ``features`` and the intercept.
    static let trueWeights = [2.0, -1.0, 0.0, 0.0]
    static let trueBias = -1.5

    init(rows: Int, seed: UInt64) {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        x = FeatureMatrix(columnCount: Self.features.count)
        labels = []
        truth = []
        for _ in 0..<rows {
            let row = [next() * 4 - 2, next() * 2, next() * 10, 3]
            var s = Self.trueBias
            for c in row.indices { s += Self.trueWeights[c] * row[c] }
            let p = 1 / (1 + exp(-s))
            x.append(row)
            truth.append(p)
            labels.append(next() < p)
        }
    }
}
