import Foundation
public import PipelineCore

/// `evaluate` (per day): the offline evaluation of spec §7 on the task's day D.
///
/// Inputs: `events` and `queries` of D (the truth and the known queries), and every `u2q_<method>`
/// dataset the stage is given (with `offset: -1` in the pipeline: the lists made on D-1 for D); a
/// method whose tables are missing or empty is left out, so adding a method is only a pipeline-file
/// change. Output `reports`: `metrics.json` (``MetricsReport``) with each metric's 95% percentile
/// bootstrap interval over instances and the paired bootstrap differences of `pairs`. Nothing is
/// written when there is no instance or no method has a prediction (the first day).
public struct EvaluateStage: Stage {
    /// The kind `evaluate`.
    public static let kind = StageKindInfo(
        name: "evaluate", codeVersion: 1,
        params: [
            ParamSpec("bootstrap", .int, default: 1000, description: "Bootstrap resamples for the 95% intervals."),
            ParamSpec("seed", .int, default: 1, description: "Seed of the bootstrap resamples."),
            ParamSpec("pairs", .list, default: ["cooccurrence:popularity", "direct_il_sft:cooccurrence", "direct_il_sft:popularity", "direct_il_sft:direct_sft"], description: "Method pairs 'a:b' whose paired differences a − b are reported."),
            ParamSpec("pair_metrics", .list, default: .list(EvaluationMetric.defaultPairMetrics.map { .string($0) }), description: "Metrics compared for each pair."),
        ],
        description: "Offline evaluation of every u2q_<method> input against the day's searches (spec §7).")

    /// The prefix of the input datasets evaluated as methods.
    public static let methodPrefix = "u2q_"

    /// Creates the stage.
    public init() {}

    /// Evaluates the task's day and writes `metrics.json`.
    public func run(_ context: StageContext) throws -> StageResult {
        let day = try context.requireDay()
        let resamples = try context.intParam("bootstrap")
        let seed = try context.intParam("seed")
        guard resamples >= 1 else { throw StageError(.badParam, "param bootstrap of stage '\(context.spec.name)' is \(resamples); use 1 or more resamples") }
        let pairs = try pairList(context)
        let pairMetrics = try context.stringListParam("pair_metrics")
        for metric in pairMetrics where !EvaluationMetric.names.contains(metric) {
            throw StageError(.badParam, "param pair_metrics of stage '\(context.spec.name)' names '\(metric)'; use some of \(EvaluationMetric.names.joined(separator: ", "))")
        }

        let catalog = try QueryCatalog(files: context.files(of: "queries"))
        let instances = try EvaluationInstances(eventFiles: context.files(of: "events"), catalog: catalog)
        var rowsIn = instances.rowsIn
        var methods: [(name: String, metrics: InstanceMetrics)] = []
        let datasets = Set(context.spec.inputs + context.inputFiles.keys)
            .filter { $0.hasPrefix(Self.methodPrefix) && $0.count > Self.methodPrefix.count }
        for dataset in datasets.sorted() {
            let predictions = try MethodPredictions(
                files: context.files(of: dataset), instances: instances, limit: EvaluationMetric.cutoffs.max() ?? 30)
            rowsIn += predictions.rowsIn
            guard !predictions.isEmpty else {
                log(context, "\(dataset): no tables for \(day) (no lists made the day before); left out")
                continue
            }
            methods.append((String(dataset.dropFirst(Self.methodPrefix.count)), InstanceMetrics(predictions: predictions, instances: instances, catalog: catalog)))
        }
        guard instances.count > 0, !methods.isEmpty else {
            log(context, "no report for \(day): \(instances.count) instances, \(methods.count) methods with predictions")
            return StageResult(rowsIn: rowsIn, rowsOut: 0)
        }
        let order = MetricsReport.methodOrder(methods.map(\.name))
        methods.sort { order.firstIndex(of: $0.name) ?? 0 < order.firstIndex(of: $1.name) ?? 0 }

        let report = try Self.report(
            day: day, instances: instances.count, methods: methods, pairs: pairs, pairMetrics: pairMetrics,
            resamples: resamples, seed: seed, threads: context.threads)
        for pair in pairs where report.method(pair.a) == nil || report.method(pair.b) == nil {
            log(context, "pair \(pair.a):\(pair.b): a method has no predictions; left out")
        }
        try DatasetFiles.write(text: report.json(), to: context.outputFolder("reports") + "/metrics.json")
        return StageResult(rowsIn: rowsIn, rowsOut: methods.count)
    }

    /// The report of `methods` (in report order) with bootstrap intervals and paired differences.
    static func report(
        day: String, instances: Int, methods: [(name: String, metrics: InstanceMetrics)], pairs: [(a: String, b: String)],
        pairMetrics: [String], resamples: Int, seed: Int, threads: Int
    ) throws -> MetricsReport {
        let names = EvaluationMetric.names
        let columns = methods.flatMap { m in zip(m.metrics.numerators, m.metrics.denominators).map { ($0, $1) } }
        let bootstrap = try Bootstrap(columns: columns, count: instances, resamples: resamples, seed: seed, threads: threads)
        let points = methods.map(\.metrics.point)
        let entries = methods.enumerated().map { m, method in
            MetricsReport.Method(name: method.name, metrics: names.indices.map { j in
                let ci = bootstrap.interval(m * names.count + j)
                return MetricsReport.Metric(name: names[j], value: points[m][j], ci95: .init(lo: ci.lo, hi: ci.hi))
            })
        }
        var differences: [MetricsReport.Pair] = []
        for pair in pairs {
            guard let a = methods.firstIndex(where: { $0.name == pair.a }), let b = methods.firstIndex(where: { $0.name == pair.b }) else { continue }
            for metric in pairMetrics {
                guard let j = names.firstIndex(of: metric) else { continue }
                let ci = bootstrap.differenceInterval(a * names.count + j, b * names.count + j)
                differences.append(.init(a: pair.a, b: pair.b, metric: metric, diff: points[a][j] - points[b][j], ci95: .init(lo: ci.lo, hi: ci.hi)))
            }
        }
        return MetricsReport(testDay: day, instances: instances, methods: entries, pairs: differences)
    }

    /// The `pairs` param as (a, b) method names.
    private func pairList(_ context: StageContext) throws -> [(a: String, b: String)] {
        try context.stringListParam("pairs").map { text in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != parts[1] else {
                throw StageError(.badParam, "param pairs of stage '\(context.spec.name)' holds '\(text)'; write each pair as 'a:b' with two different methods, e.g. 'cooccurrence:popularity'")
            }
            return (parts[0], parts[1])
        }
    }

    /// Appends `line` to the task's log (best effort).
    private func log(_ context: StageContext, _ line: String) { TaskLog.append(line, to: context.logPath) }
}
