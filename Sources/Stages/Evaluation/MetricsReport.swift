/// The offline evaluation of one test day (spec §7): what `evaluate` writes as
/// `reports/<day>/metrics.json` and `aigq eval` prints.
///
/// ```json
/// {
///   "test_day": "2026-11-24",
///   "instances": 812,
///   "methods": {
///     "popularity": {
///       "query_hr@10": 0.123457, …, "dup_rate": 0.000000,
///       "query_hr@10_ci95": [0.101000, 0.145000], …
///     }, …
///   },
///   "pairs": [
///     {"a": "cooccurrence", "b": "popularity", "metric": "query_hr@10", "diff": 0.010000, "ci95": [0.002000, 0.018000]}, …
///   ]
/// }
/// ```
/// Methods in ``methodOrder(_:)``, metrics in ``EvaluationMetric/names`` order with the intervals
/// after the values, numbers with six decimals: the same evaluation always gives the same bytes.
public struct MetricsReport: Hashable, Sendable {
    /// A 95% interval.
    public struct Interval: Hashable, Sendable {
        /// Lower bound.
        public var lo: Double
        /// Upper bound.
        public var hi: Double

        /// Creates an interval.
        public init(lo: Double, hi: Double) {
            self.lo = lo
            self.hi = hi
        }
    }

    /// One metric of one method.
    public struct Metric: Hashable, Sendable {
        /// `query_hr@10`, …
        public var name: String
        /// The value over all instances.
        public var value: Double
        /// The 95% bootstrap interval, if computed.
        public var ci95: Interval?

        /// Creates a metric.
        public init(name: String, value: Double, ci95: Interval?) {
            self.name = name
            self.value = value
            self.ci95 = ci95
        }
    }

    /// One method's metrics.
    public struct Method: Hashable, Sendable {
        /// The method (the `u2q_<method>` dataset suffix).
        public var name: String
        /// Its metrics, in report order.
        public var metrics: [Metric]

        /// Creates a method's entry.
        public init(name: String, metrics: [Metric]) {
            self.name = name
            self.metrics = metrics
        }

        /// The metric called `name`, if any.
        public func metric(_ name: String) -> Metric? { metrics.first { $0.name == name } }
    }

    /// A paired bootstrap difference `a − b` of one metric.
    public struct Pair: Hashable, Sendable {
        /// The first method.
        public var a: String
        /// The method subtracted.
        public var b: String
        /// The metric compared.
        public var metric: String
        /// `a`'s value minus `b`'s.
        public var diff: Double
        /// The 95% interval of the difference over paired resamples.
        public var ci95: Interval

        /// Creates a pair.
        public init(a: String, b: String, metric: String, diff: Double, ci95: Interval) {
            self.a = a
            self.b = b
            self.metric = metric
            self.diff = diff
            self.ci95 = ci95
        }
    }

    /// The test day, `YYYY-MM-DD`.
    public var testDay: String
    /// The number of test instances.
    public var instances: Int
    /// The methods, in ``methodOrder(_:)``.
    public var methods: [Method]
    /// The paired differences, in the order asked for.
    public var pairs: [Pair]

    /// Creates a report.
    public init(testDay: String, instances: Int, methods: [Method], pairs: [Pair]) {
        self.testDay = testDay
        self.instances = instances
        self.methods = methods
        self.pairs = pairs
    }

    /// The method called `name`, if any.
    public func method(_ name: String) -> Method? { methods.first { $0.name == name } }

    /// The known methods in the order of spec §7 (baselines, then the models); `oracle` comes last.
    public static let knownMethods = [
        "popularity", "user_history", "cooccurrence", "direct_sft", "direct_il_sft", "direct_il_sft_grpo",
        "direct_il_sft_il_grpo", "think_il_sft", "think_il_sft_il_grpo",
    ]

    /// `names` in report order: the known methods in spec order, then others by name, then `oracle`.
    public static func methodOrder(_ names: some Sequence<String>) -> [String] {
        func key(_ name: String) -> (Int, String) {
            if name == "oracle" { return (knownMethods.count + 1, name) }
            return (knownMethods.firstIndex(of: name) ?? knownMethods.count, name)
        }
        return Set(names).sorted { key($0) < key($1) }
    }
}
