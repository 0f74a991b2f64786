public import Foundation

extension MetricsReport {
    /// Reads a `metrics.json` (``json()``'s layout); `source` names it in errors. Metrics are put in
    /// ``EvaluationMetric/names`` order (others after, by name) and methods in ``methodOrder(_:)``.
    public init(parsing data: Data, source: String) throws {
        func bad(_ what: String) -> StageError {
            StageError(.badInput, "'\(source)' is not a metrics report: \(what); rerun `aigq run` to rewrite it")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw bad("it is not a JSON object") }
        guard let day = root["test_day"] as? String else { throw bad("no \"test_day\" string") }
        guard let instances = (root["instances"] as? NSNumber)?.intValue else { throw bad("no \"instances\" number") }
        guard let methods = root["methods"] as? [String: Any] else { throw bad("no \"methods\" object") }
        var parsed: [Method] = []
        for name in Self.methodOrder(methods.keys) {
            guard let fields = methods[name] as? [String: Any] else { throw bad("method \"\(name)\" is not an object") }
            var metrics: [Metric] = []
            let names = fields.keys.filter { !$0.hasSuffix("_ci95") }
            let order = EvaluationMetric.names.filter(names.contains) + names.filter { !EvaluationMetric.names.contains($0) }.sorted()
            for metric in order {
                guard let value = (fields[metric] as? NSNumber)?.doubleValue else { throw bad("\"\(name)\".\"\(metric)\" is not a number") }
                let ci = try fields[EvaluationMetric.intervalKey(metric)].map { raw in
                    guard let interval = Self.interval(raw) else { throw bad("\"\(name)\".\"\(metric)_ci95\" is not [lo, hi]") }
                    return interval
                }
                metrics.append(Metric(name: metric, value: value, ci95: ci))
            }
            parsed.append(Method(name: name, metrics: metrics))
        }
        var pairs: [Pair] = []
        for (i, raw) in ((root["pairs"] as? [Any]) ?? []).enumerated() {
            guard let object = raw as? [String: Any], let a = object["a"] as? String, let b = object["b"] as? String,
                let metric = object["metric"] as? String, let diff = (object["diff"] as? NSNumber)?.doubleValue,
                let ci = object["ci95"].flatMap(Self.interval)
            else { throw bad("pair \(i + 1) lacks a, b, metric, diff or ci95") }
            pairs.append(Pair(a: a, b: b, metric: metric, diff: diff, ci95: ci))
        }
        self.init(testDay: day, instances: instances, methods: parsed, pairs: pairs)
    }

    private static func interval(_ raw: Any) -> Interval? {
        guard let values = raw as? [NSNumber], values.count == 2 else { return nil }
        return Interval(lo: values[0].doubleValue, hi: values[1].doubleValue)
    }
}
