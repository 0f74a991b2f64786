/// Per-instance metric values of one method: each metric is a ratio Σ numerator / Σ denominator
/// over instances. The denominator is 1 per instance (a mean over instances) except for
/// `valid_rate`, the share of all predictions that are known queries (the list length per instance).
struct InstanceMetrics {
    /// Per metric (``EvaluationMetric/names`` order), per instance: the numerator.
    private(set) var numerators: [[Double]]
    /// Per metric: per-instance denominators, or `nil` for 1 each.
    private(set) var denominators: [[Double]?]

    /// The values of `predictions` against `instances`.
    init(predictions: MethodPredictions, instances: EvaluationInstances, catalog: QueryCatalog) {
        let names = EvaluationMetric.names
        numerators = Array(repeating: Array(repeating: 0, count: instances.count), count: names.count)
        denominators = Array(repeating: nil, count: names.count)
        var lengths = Array(repeating: 0.0, count: instances.count)
        let cutoffs = EvaluationMetric.cutoffs
        let valid = names.count - 2
        let dup = names.count - 1
        for (i, list) in predictions.lists.enumerated() {
            let truth = instances.queries[i]
            let truthCategories = instances.categories[i]
            let categories = list.map { catalog.category(of: $0) }
            for (c, k) in cutoffs.enumerated() {
                let top = 0..<min(k, list.count)
                numerators[c][i] = top.contains { truth.contains(list[$0]) } ? 1 : 0
                numerators[cutoffs.count + c][i] = top.contains { categories[$0].map(truthCategories.contains) ?? false } ? 1 : 0
                numerators[2 * cutoffs.count + c][i] = Double(Set(top.compactMap { categories[$0] }).count)
            }
            numerators[valid][i] = Double(list.filter(catalog.isKnown).count)
            lengths[i] = Double(list.count)
            numerators[dup][i] = Set(list).count < list.count ? 1 : 0
        }
        denominators[valid] = lengths
    }

    /// The metric values over all instances, in ``EvaluationMetric/names`` order (0 for a ratio
    /// with nothing to divide by: `valid_rate` when no instance has a prediction).
    var point: [Double] {
        numerators.indices.map { m in
            Self.ratio(numerators[m].reduce(0, +), denominators[m].map { $0.reduce(0, +) } ?? Double(numerators[m].count))
        }
    }

    /// `sum / count`, 0 when `count` is 0.
    static func ratio(_ sum: Double, _ count: Double) -> Double { count > 0 ? sum / count : 0 }
}
