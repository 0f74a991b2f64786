// Group-relative normalisation, GRPO's critic-free baseline: (r − mean) / std over the rollouts of one
// prompt. The std is the population std (the paper; trl's torch.std would be n − 1), floored.

/// Normalises rewards within a group.
///
/// ```swift
/// GroupNormalisation.normalise([0, 1, 0, 1], stdFloor: 1e-4)   // [−1, 1, −1, 1]
/// GroupNormalisation.normalise([0.3, 0.3, 0.3], stdFloor: 1e-4) // [0, 0, 0] exactly
/// ```
public enum GroupNormalisation {
    /// The mean of `values` (0 for none).
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The population standard deviation `sqrt(Σ(x − mean)²/n)` (0 for none).
    public static func populationStandardDeviation(_ values: [Double]) -> Double {
        if values.isEmpty { return 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count)).squareRoot()
    }

    /// `(x − mean) / max(σ, stdFloor)` for every value. When all values are equal (this includes a group
    /// of one) every result is exactly 0: the mean of equal values can differ from them in the last bit,
    /// so this case is decided by comparison, not arithmetic.
    public static func normalise(_ values: [Double], stdFloor: Double) -> [Double] {
        guard let first = values.first, values.contains(where: { $0 != first }) else {
            return [Double](repeating: 0, count: values.count)
        }
        let m = mean(values)
        let scale = max(populationStandardDeviation(values), stdFloor)
        return values.map { ($0 - m) / scale }
    }
}
