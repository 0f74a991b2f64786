/// Per-feature standardisation, `(x - mean) / scale`, fitted on training rows and stored with the
/// model so scoring applies exactly the same transform.
///
/// A constant feature gets scale 1 (it then carries no information and its weight stays at 0 under
/// L2); non-finite inputs are refused by the trainer before they get here.
public struct FeatureScaling: Sendable, Equatable {
    /// Mean of each feature over the training rows.
    public var mean: [Double]
    /// Standard deviation of each feature (1 where it is 0).
    public var scale: [Double]

    /// A scaling with the given parameters.
    public init(mean: [Double], scale: [Double]) {
        precondition(mean.count == scale.count, "mean and scale of different lengths")
        self.mean = mean
        self.scale = scale
    }

    /// The identity on `count` features.
    public static func identity(_ count: Int) -> FeatureScaling {
        FeatureScaling(mean: Array(repeating: 0, count: count), scale: Array(repeating: 1, count: count))
    }

    /// Fits mean and standard deviation of every column of `x` (two passes, rows in order).
    public init(fitting x: FeatureMatrix) {
        let d = x.columnCount, n = x.rowCount
        var mean = [Double](repeating: 0, count: d)
        var variance = [Double](repeating: 0, count: d)
        if n > 0 {
            x.values.withUnsafeBufferPointer { v in
                for r in 0..<n { for c in 0..<d { mean[c] += v[r * d + c] } }
                for c in 0..<d { mean[c] /= Double(n) }
                for r in 0..<n {
                    for c in 0..<d {
                        let delta = v[r * d + c] - mean[c]
                        variance[c] += delta * delta
                    }
                }
            }
        }
        self.mean = mean
        self.scale = variance.map { v in
            let s = n > 0 ? (v / Double(n)).squareRoot() : 0
            return s > 1e-12 ? s : 1
        }
    }

    /// The number of features.
    public var count: Int { mean.count }

    /// `x` standardised.
    public func apply(_ x: FeatureMatrix) -> FeatureMatrix {
        precondition(x.columnCount == count, "scaling of \(count) features applied to \(x.columnCount)")
        var out = x
        let d = count, n = x.rowCount
        out.values.withUnsafeMutableBufferPointer { v in
            for r in 0..<n { for c in 0..<d { v[r * d + c] = (v[r * d + c] - mean[c]) / scale[c] } }
        }
        return out
    }
}
