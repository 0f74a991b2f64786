import Foundation

/// A click-probability model over dense feature vectors: logistic regression on standardised
/// features, `p = σ(bias + Σ_c weights[c] · (x[c] - mean[c]) / scale[c])`.
///
/// The model carries its feature names (so a scorer can check it builds the same vector), its
/// scaling, and free-form numeric ``metadata`` for whoever computes the features (half-lives,
/// priors: the settings the features were made with). ``ClickModelTrainer`` fits one;
/// ``json()`` / ``init(json:source:)`` save and load it.
///
/// ```swift
/// let (model, _) = try ClickModelTrainer.train(features: ["position", "ctr"], x: x, labels: clicked)
/// let p = model.probability([1, 0.12])
/// ```
public struct ClickModel: Sendable, Equatable {
    /// The name of each feature, in vector order.
    public let features: [String]
    /// The standardisation applied before the weights.
    public let scaling: FeatureScaling
    /// One weight per feature, on the standardised feature.
    public let weights: [Double]
    /// The intercept.
    public let bias: Double
    /// Settings of the feature computation, saved with the model (sorted by key in the file).
    public var metadata: [String: Double]

    /// Weights folded with the scaling, for raw vectors: `weights[c] / scale[c]`.
    private let rawWeights: [Double]
    /// The intercept for raw vectors: `bias - Σ rawWeights[c] · mean[c]`.
    private let rawBias: Double

    /// A model from its parts (all of one length).
    public init(features: [String], scaling: FeatureScaling, weights: [Double], bias: Double, metadata: [String: Double] = [:]) throws {
        guard scaling.count == features.count, weights.count == features.count else {
            throw ClickModelError(.invalidArgument, "a model of \(features.count) features got \(scaling.count) scalings and \(weights.count) weights; give one of each per feature")
        }
        guard Set(features).count == features.count else {
            throw ClickModelError(.invalidArgument, "feature names repeat (\(features.joined(separator: ", "))); give each feature its own name")
        }
        let numbers = scaling.mean + scaling.scale + weights + [bias] + Array(metadata.values)
        guard numbers.allSatisfy(\.isFinite), scaling.scale.allSatisfy({ $0 > 0 }) else {
            throw ClickModelError(.invalidArgument, "a model parameter is not finite (or a scale is not positive); retrain with a larger l2")
        }
        self.features = features
        self.scaling = scaling
        self.weights = weights
        self.bias = bias
        self.metadata = metadata
        rawWeights = zip(weights, scaling.scale).map { $0 / $1 }
        var b = bias
        for c in weights.indices { b -= rawWeights[c] * scaling.mean[c] }
        rawBias = b
    }

    /// The number of features.
    public var featureCount: Int { features.count }

    /// The log-odds of a click for one raw feature vector.
    @inline(__always)
    public func logit(_ row: UnsafeBufferPointer<Double>) -> Double {
        precondition(row.count == rawWeights.count, "a vector of \(row.count) features for a model of \(rawWeights.count)")
        var z = rawBias
        rawWeights.withUnsafeBufferPointer { w in
            for c in 0..<w.count { z += w[c] * row[c] }
        }
        return z
    }

    /// The click probability of one raw feature vector.
    public func probability(_ row: [Double]) -> Double {
        row.withUnsafeBufferPointer { Self.sigmoid(logit($0)) }
    }

    /// The click probability of each row of `x` (raw features).
    public func probabilities(_ x: FeatureMatrix) -> [Double] {
        precondition(x.columnCount == featureCount, "a matrix of \(x.columnCount) features for a model of \(featureCount)")
        let d = featureCount
        return x.values.withUnsafeBufferPointer { v in
            (0..<x.rowCount).map { r in Self.sigmoid(logit(UnsafeBufferPointer(rebasing: v[r * d..<(r + 1) * d]))) }
        }
    }

    /// The logistic function, computed without overflow for large |z|.
    @inline(__always)
    public static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    public static func == (a: ClickModel, b: ClickModel) -> Bool {
        a.features == b.features && a.scaling == b.scaling && a.weights == b.weights && a.bias == b.bias && a.metadata == b.metadata
    }
}
