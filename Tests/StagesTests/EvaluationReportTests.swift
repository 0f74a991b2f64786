import Foundation
import Testing
@testable import Stages

/// The `metrics.json` layout (exact bytes), its parsing, method order, and the bootstrap quantiles.
@Suite struct EvaluationReportTests {
    static let sample = MetricsReport(
        testDay: "2026-11-24", instances: 3,
        methods: [
            .init(name: "popularity", metrics: [
                .init(name: "query_hr@10", value: 1.0 / 3, ci95: .init(lo: 0, hi: 1)),
                .init(name: "dup_rate", value: -0.0, ci95: .init(lo: 0, hi: 0)),
            ]),
            .init(name: "oracle", metrics: [.init(name: "query_hr@10", value: 1, ci95: nil)]),
        ],
        pairs: [.init(a: "oracle", b: "popularity", metric: "query_hr@10", diff: 2.0 / 3, ci95: .init(lo: 0, hi: 1))])

    @Test func jsonHasAFixedLayout() {
        #expect(Self.sample.json() == """
            {
              "test_day": "2026-11-24",
              "instances": 3,
              "methods": {
                "popularity": {
                  "query_hr@10": 0.333333,
                  "dup_rate": 0.000000,
                  "query_hr@10_ci95": [0.000000, 1.000000],
                  "dup_rate_ci95": [0.000000, 0.000000]
                },
                "oracle": {
                  "query_hr@10": 1.000000
                }
              },
              "pairs": [
                {"a": "oracle", "b": "popularity", "metric": "query_hr@10", "diff": 0.666667, "ci95": [0.000000, 1.000000]}
              ]
            }

            """)
    }

    @Test func emptyMethodsAndPairsAreValidJSON() throws {
        let empty = MetricsReport(testDay: "2026-11-24", instances: 0, methods: [], pairs: [])
        let parsed = try MetricsReport(parsing: Data(empty.json().utf8), source: "x")
        #expect(parsed == empty)
    }

    @Test func parsingReadsBackWhatWasWritten() throws {
        let parsed = try MetricsReport(parsing: Data(Self.sample.json().utf8), source: "metrics.json")
        #expect(parsed.testDay == "2026-11-24")
        #expect(parsed.methods.map(\.name) == ["popularity", "oracle"])
        #expect(parsed.method("popularity")?.metrics.map(\.name) == ["query_hr@10", "dup_rate"])
        #expect(parsed.method("popularity")?.metric("query_hr@10")?.ci95 == .init(lo: 0, hi: 1))
        #expect(parsed.method("oracle")?.metric("query_hr@10")?.ci95 == nil)
        #expect(parsed.pairs.first?.diff == 0.666667)
    }

    @Test func parsingRejectsSomethingElse() {
        #expect {
            _ = try MetricsReport(parsing: Data("[1, 2]".utf8), source: "W/reports/x/metrics.json")
        } throws: { error in
            "\(error)" == "'W/reports/x/metrics.json' is not a metrics report: it is not a JSON object; rerun `aigq run` to rewrite it"
        }
    }

    @Test func methodsFollowTheSpecOrderWithOracleLast() {
        #expect(MetricsReport.methodOrder(["oracle", "zeta", "cooccurrence", "direct_sft", "popularity", "alpha", "user_history"])
            == ["popularity", "user_history", "cooccurrence", "direct_sft", "alpha", "zeta", "oracle"])
    }

    @Test func metricNamesAreTheSpecsInOrder() {
        #expect(EvaluationMetric.names == [
            "query_hr@10", "query_hr@30", "cate_hr@10", "cate_hr@30", "unique_cates@10", "unique_cates@30", "valid_rate", "dup_rate",
        ])
    }

    @Test func quantilesInterpolateLinearly() {
        let values = (0...40).map(Double.init)  // 41 values: the 2.5% quantile is at position 1
        #expect(Bootstrap.interval(values.reversed()) == (lo: 1, hi: 39))
        #expect(Bootstrap.quantile([0, 10], 0.025) == 0.25)
        #expect(Bootstrap.quantile([5], 0.975) == 5)
    }
}
