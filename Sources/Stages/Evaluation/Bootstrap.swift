import Columnar

/// The percentile bootstrap over test instances: `resamples` draws of n instances with replacement,
/// each drawn from its own SplitMix64 stream seeded from (`seed`, resample index), so the result
/// does not depend on the number of threads. Every method is evaluated on the same draws, which
/// makes differences between methods paired. A resample whose denominator is 0 for a column (e.g.
/// `valid_rate` when the drawn instances have no predictions) has no value there (NaN) and is left
/// out of that column's interval.
struct Bootstrap {
    /// Per resample, per column: the statistic Σ w·numerator / Σ w·denominator (NaN when Σ w·denominator is 0).
    private(set) var statistics: [[Double]]

    /// Resamples `columns` (each a metric of ``InstanceMetrics``: numerators and optional
    /// denominators over the same `count` instances).
    init(columns: [(numerators: [Double], denominators: [Double]?)], count: Int, resamples: Int, seed: Int, threads: Int) throws {
        statistics = try parallelMap(resamples, threads: threads) { r in
            var rng = Generator(seed: Generator.mix(UInt64(bitPattern: Int64(seed)) &+ Generator.mix(UInt64(r) &+ 1)))
            var weights = [Double](repeating: 0, count: count)
            for _ in 0..<count {
                weights[Int(rng.next().multipliedFullWidth(by: UInt64(count)).high)] += 1
            }
            return columns.map { column in
                let sum = Self.dot(weights, column.numerators)
                let total = column.denominators.map { Self.dot(weights, $0) } ?? Double(count)
                return total > 0 ? sum / total : .nan
            }
        }
    }

    /// The 95% percentile interval of column `c`.
    func interval(_ c: Int) -> (lo: Double, hi: Double) {
        Self.interval(statistics.map { $0[c] })
    }

    /// The 95% percentile interval of column `a` minus column `b` (paired).
    func differenceInterval(_ a: Int, _ b: Int) -> (lo: Double, hi: Double) {
        Self.interval(statistics.map { $0[a] - $0[b] })
    }

    /// The 2.5% and 97.5% quantiles of the finite `values` (linear interpolation between order
    /// statistics); (0, 0) when there is none.
    static func interval(_ values: [Double]) -> (lo: Double, hi: Double) {
        let sorted = values.filter(\.isFinite).sorted()
        return (quantile(sorted, 0.025), quantile(sorted, 0.975))
    }

    /// The `p` quantile of ascending `sorted` values (NumPy's default "linear" method).
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let fraction = position - Double(below)
        guard fraction > 0, below + 1 < sorted.count else { return sorted[below] }
        return sorted[below] + (sorted[below + 1] - sorted[below]) * fraction
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }

    /// SplitMix64 (Steele, Lea & Flood 2014): the same numbers on every platform.
    struct Generator {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return Self.mix(state)
        }

        /// SplitMix64's output function, used to derive independent seeds.
        static func mix(_ value: UInt64) -> UInt64 {
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
