import Foundation
import PipelineCore
import Testing
@testable import Stages

/// The `evaluate` stage against values computed by hand on four instances.
@Suite struct EvaluationStageTests {
    typealias E = BaselinesFixture.Event
    static let day = "2026-11-24"
    static let before = "2026-11-23"

    /// Four instances: user 1 {tent, lantern}, user 2 {kayak}, user 3 {mystery (no category)},
    /// user 4 {sleeping bag}; user 5 only clicked an item (no instance).
    static func inputs(_ f: BaselinesFixture) throws -> [String: [String]] {
        func at(_ h: Int, _ m: Int) -> Int64 { BaselinesFixture.at(day, h, m) }
        let events = try f.writeEvents(day, [
            E(user: 1, ts: at(9, 0), type: "search", query: "tent"),
            E(user: 1, ts: at(9, 1), type: "hint_click", query: "lantern"),
            E(user: 1, ts: at(9, 2), type: "search", query: "tent"),
            E(user: 2, ts: at(9, 0), type: "search", query: "kayak"),
            E(user: 3, ts: at(9, 0), type: "search", query: "mystery"),
            E(user: 4, ts: at(9, 0), type: "hint_click", query: "sleeping bag"),
            E(user: 5, ts: at(9, 0), type: "item_click", item: 7),
        ])
        let queries = try f.writeQueries(day, [
            ("tent", 100), ("sleeping bag", 101), ("lantern", 102), ("stove", 103), ("kayak", 200), ("mystery", nil),
        ])
        let popular = ["sleeping bag"] + (2...10).map { "p\($0)" } + ["tent", "lantern"]
        return [
            "events": events, "queries": queries,
            "u2q_popularity": try f.writeU2Q("u2q_popularity", before, [(-1, popular)]),
            "u2q_user_history": try f.writeU2Q("u2q_user_history", before, [(1, ["lantern", "lantern"]), (2, ["tent"]), (9, ["x"])]),
            "u2q_cooccurrence": try f.writeU2Q("u2q_cooccurrence", before, [(-1, ["tent"]), (2, ["kayak", "stove"]), (3, ["mystery"])]),
            "u2q_oracle": [],
        ]
    }

    static func evaluate(
        _ f: BaselinesFixture, inputs: [String: [String]]? = nil, params: [String: ParamValue] = ["bootstrap": 200],
        threads: Int = 1, run: String = "1"
    ) throws -> (context: StageContext, json: String?) {
        let context = try f.context(
            EvaluateStage.kind, day: day, inputs: try inputs ?? Self.inputs(f), outputs: ["reports"], params: params,
            threads: threads, run: run)
        _ = try EvaluateStage().run(context)
        let data = FileManager.default.contents(atPath: context.outputFolders["reports"]! + "/metrics.json")
        return (context, data.map { String(decoding: $0, as: UTF8.self) })
    }

    static func report(_ json: String?) throws -> MetricsReport {
        let json = try #require(json)
        return try MetricsReport(parsing: Data(json.utf8), source: "metrics.json")
    }

    static func values(_ report: MetricsReport, _ method: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (report.method(method)?.metrics ?? []).map { ($0.name, $0.value) })
    }

    @Test func metricsMatchHandComputedValues() throws {
        let f = BaselinesFixture("evaluate")
        let report = try Self.report(try Self.evaluate(f).json)
        #expect(report.testDay == Self.day)
        #expect(report.instances == 4)
        #expect(report.methods.map(\.name) == ["popularity", "user_history", "cooccurrence"])  // oracle has no tables
        // popularity (every user gets the -1 list of 12: 3 known queries, tent and lantern after rank 10)
        #expect(Self.values(report, "popularity") == [
            "query_hr@10": 0.25, "query_hr@30": 0.5, "cate_hr@10": 0.25, "cate_hr@30": 0.5,
            "unique_cates@10": 1, "unique_cates@30": 3, "valid_rate": 0.25, "dup_rate": 0,
        ])
        // user_history: no default list, so users 3 and 4 have empty lists; user 1's list repeats a query.
        #expect(Self.values(report, "user_history") == [
            "query_hr@10": 0.25, "query_hr@30": 0.25, "cate_hr@10": 0.25, "cate_hr@30": 0.25,
            "unique_cates@10": 0.5, "unique_cates@30": 0.5, "valid_rate": 1, "dup_rate": 0.25,
        ])
        // valid_rate is a share of predictions: resamples drawing only users 3 and 4 (no predictions) have none.
        #expect(report.method("user_history")?.metric("valid_rate")?.ci95 == MetricsReport.Interval(lo: 1, hi: 1))
        // cooccurrence: users 1 and 4 get the -1 list [tent]; mystery is known but has no category.
        #expect(Self.values(report, "cooccurrence") == [
            "query_hr@10": 0.75, "query_hr@30": 0.75, "cate_hr@10": 0.5, "cate_hr@30": 0.5,
            "unique_cates@10": 1, "unique_cates@30": 1, "valid_rate": 1, "dup_rate": 0,
        ])
    }

    @Test func pairsArePairedDifferencesOfTheNamedMethods() throws {
        let f = BaselinesFixture("evaluate")
        let report = try Self.report(try Self.evaluate(f).json)
        #expect(report.pairs.map { "\($0.a)-\($0.b) \($0.metric) \($0.diff)" } == [
            "cooccurrence-popularity query_hr@10 0.5", "cooccurrence-popularity query_hr@30 0.25",
            "cooccurrence-popularity cate_hr@30 0.0",
        ])
        for pair in report.pairs { #expect(pair.ci95.lo <= pair.diff && pair.diff <= pair.ci95.hi) }
    }

    @Test func pairsWithAnAbsentMethodAreLeftOut() throws {
        let f = BaselinesFixture("evaluate")
        let params: [String: ParamValue] = ["bootstrap": 50, "pairs": ["oracle:popularity", "user_history:popularity"], "pair_metrics": ["dup_rate"]]
        let report = try Self.report(try Self.evaluate(f, params: params).json)
        #expect(report.pairs.map { "\($0.a)-\($0.b) \($0.metric) \($0.diff)" } == ["user_history-popularity dup_rate 0.25"])
    }

    @Test func intervalsContainThePointAndAreDeterministic() throws {
        let f = BaselinesFixture("evaluate")
        let inputs = try Self.inputs(f)
        let first = try Self.evaluate(f, inputs: inputs, run: "a").json
        let again = try Self.evaluate(f, inputs: inputs, threads: 2, run: "b").json
        let other = try Self.evaluate(f, inputs: inputs, params: ["bootstrap": 200, "seed": 99], run: "c").json
        #expect(first != nil && first == again)
        #expect(first != other)
        for method in try Self.report(first).methods {
            for metric in method.metrics {
                let ci = try #require(metric.ci95)
                #expect(ci.lo <= metric.value && metric.value <= ci.hi, "\(method.name) \(metric.name)")
            }
        }
        // A metric equal on every instance has a zero-width interval.
        let dup = try #require(try Self.report(first).method("popularity")?.metric("dup_rate")?.ci95)
        #expect(dup == MetricsReport.Interval(lo: 0, hi: 0))
    }

    @Test func everyU2QInputIsAMethod() throws {
        let f = BaselinesFixture("evaluate")
        var inputs = try Self.inputs(f)
        inputs["u2q_direct_il_sft"] = try f.writeU2Q("u2q_direct_il_sft", Self.before, [(-1, ["kayak"]), (1, ["lantern"])])
        inputs["u2q_oracle"] = try f.writeU2Q("u2q_oracle", Self.before, [(1, ["tent"]), (2, ["kayak"]), (3, ["mystery"]), (4, ["sleeping bag"])])
        let report = try Self.report(try Self.evaluate(f, inputs: inputs).json)
        #expect(report.methods.map(\.name) == ["popularity", "user_history", "cooccurrence", "direct_il_sft", "oracle"])
        #expect(Self.values(report, "direct_il_sft")["query_hr@10"] == 0.5)  // users 1 (own list) and 2 (default)
        #expect(Self.values(report, "oracle")["query_hr@30"] == 1)
    }

    @Test func noPredictionsWriteNothing() throws {
        let f = BaselinesFixture("evaluate")
        var inputs = try Self.inputs(f)
        for name in ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence"] { inputs[name] = [] }
        let (context, json) = try Self.evaluate(f, inputs: inputs)
        #expect(json == nil)
        #expect(f.files(under: context.outputFolders["reports"]!).isEmpty)
        let log = try String(contentsOfFile: context.logPath, encoding: .utf8)
        #expect(log.contains("no report for 2026-11-24"))
    }

    @Test func aDayWithoutSearchesWritesNothing() throws {
        let f = BaselinesFixture("evaluate")
        var inputs = try Self.inputs(f)
        inputs["events"] = try f.writeEvents("2026-11-25", [E(user: 1, ts: BaselinesFixture.at("2026-11-25", 9, 0), type: "app_open")])
        #expect(try Self.evaluate(f, inputs: inputs).json == nil)
    }

    @Test(arguments: [
        ("pairs", ParamValue.list(["cooccurrence"])), ("pairs", .list(["a:a"])), ("pair_metrics", .list(["hr@5"])),
        ("bootstrap", .int(0)),
    ])
    func rejectsBadParams(name: String, value: ParamValue) throws {
        let f = BaselinesFixture("evaluate")
        #expect {
            _ = try Self.evaluate(f, params: [name: value])
        } throws: { error in
            "\(error)".contains(name)
        }
    }
}
