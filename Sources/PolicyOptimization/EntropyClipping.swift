// Entropy-adaptive clipping (paper §3.5.4): tokens whose entropy is at or above the batch's 80th
// percentile may move further (ε_high) than the others (ε_low).

/// The clip bound of every token of a batch.
///
/// ```swift
/// let epsilons = EntropyClipping.epsilons(entropies: batchEntropies, settings: settings)
/// ```
public enum EntropyClipping {
    /// The `p`-quantile of `values` (p in [0, 1]) with linear interpolation between order statistics,
    /// as `numpy.percentile(values, 100·p)` by default: position `p·(n − 1)` in the sorted values.
    /// For n distinct values, n a multiple of 5, the values at or above the 0.8 quantile are exactly the
    /// top 20 %; for other n about 20 % (numpy's interpolation). 0 for no values.
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        if values.isEmpty { return 0 }
        let sorted = values.sorted()
        let position = min(max(p, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        // sorted[lower] exactly at a whole position (no 0·∞ or rounding away from an order statistic)
        return fraction == 0 ? sorted[lower] : sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// ε per token: `epsilonHigh` where the entropy is at or above the batch's `entropyPercentile`
    /// quantile, `epsilonLow` below. The batch is every token trained on in the step.
    public static func epsilons(entropies: [Double], settings: GRPOSettings) -> [Double] {
        let threshold = percentile(entropies, settings.entropyPercentile)
        return entropies.map { $0 >= threshold ? settings.epsilonHigh : settings.epsilonLow }
    }
}
