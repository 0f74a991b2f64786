/// The metrics of spec §7, in report order: `query_hr@K`, `cate_hr@K`, `unique_cates@K` for K in
/// ``cutoffs``, then `valid_rate` and `dup_rate` (both over the list cut to the longest K).
public enum EvaluationMetric {
    /// The list cut-offs K.
    public static let cutoffs = [10, 30]

    /// Every metric name, in report order.
    public static let names: [String] =
        ["query_hr", "cate_hr", "unique_cates"].flatMap { m in cutoffs.map { "\(m)@\($0)" } } + ["valid_rate", "dup_rate"]

    /// The metrics a pair compares by default.
    public static let defaultPairMetrics = ["query_hr@10", "query_hr@30", "cate_hr@30"]

    /// The key of a metric's 95% interval in `metrics.json`.
    public static func intervalKey(_ name: String) -> String { name + "_ci95" }
}
