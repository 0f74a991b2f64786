import Foundation
import Testing

/// `aigq eval` run as a user runs it on a temp workspace holding reports.
@Suite struct EvalCommandTests {
    static let report = """
        {
          "test_day": "2026-11-24",
          "instances": 812,
          "methods": {
            "oracle": {
              "query_hr@10": 0.9,
              "dup_rate": 0,
              "query_hr@10_ci95": [0.88, 0.92],
              "dup_rate_ci95": [0, 0]
            },
            "cooccurrence": {
              "query_hr@10": 0.234567,
              "dup_rate": 0.01,
              "query_hr@10_ci95": [0.2, 0.27],
              "dup_rate_ci95": [0.005, 0.015]
            },
            "popularity": {
              "query_hr@10": 0.1,
              "dup_rate": 0,
              "query_hr@10_ci95": [0.08, 0.12],
              "dup_rate_ci95": [0, 0]
            }
          },
          "pairs": [
            {"a": "cooccurrence", "b": "popularity", "metric": "query_hr@10", "diff": 0.134567, "ci95": [0.1, 0.17]},
            {"a": "cooccurrence", "b": "popularity", "metric": "dup_rate", "diff": -0.01, "ci95": [-0.015, -0.005]}
          ]
        }

        """

    static func workspace(days: [String: String]) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory("eval")
        for (day, text) in days {
            try FileManager.default.createDirectory(atPath: dir.file("reports/\(day)"), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir.file("reports/\(day)/metrics.json")))
        }
        return dir
    }

    @Test func printsTheLatestReportAsATable() throws {
        let older = Self.report.replacingOccurrences(of: "2026-11-24", with: "2026-11-23").replacingOccurrences(of: "812", with: "700")
        let dir = try Self.workspace(days: ["2026-11-23": older, "2026-11-24": Self.report])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            test day 2026-11-24: 812 instances (\(dir.path)/reports/2026-11-24/metrics.json)

            method           query_hr@10        dup_rate
            popularity            0.1000          0.0000
                          [0.080, 0.120]  [0.000, 0.000]
            cooccurrence          0.2346          0.0100
                          [0.200, 0.270]  [0.005, 0.015]
            --------------------------------------------
            oracle                0.9000          0.0000
                          [0.880, 0.920]  [0.000, 0.000]

            paired differences a - b (95% bootstrap interval):
            cooccurrence - popularity  query_hr@10  +0.1346  [+0.100, +0.170]
            cooccurrence - popularity  dup_rate     -0.0100  [-0.015, -0.005]

            """)
    }

    @Test func dayAndMetricsChooseTheReportAndColumns() throws {
        let older = Self.report.replacingOccurrences(of: "2026-11-24", with: "2026-11-23")
        let dir = try Self.workspace(days: ["2026-11-23": older, "2026-11-24": Self.report])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path, "--day", "2026-11-23", "--metrics", "dup_rate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("test day 2026-11-23: 812 instances"))
        #expect(!result.stdout.contains("query_hr@10"))
        #expect(result.stdout.contains("cooccurrence - popularity  dup_rate  -0.0100  [-0.015, -0.005]"))
    }

    @Test func jsonPrintsTheFileAsItIs() throws {
        let dir = try Self.workspace(days: ["2026-11-24": Self.report])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == Self.report)
    }

    @Test func noReportIsAOneSentenceErrorAndExitOne() throws {
        let dir = TemporaryDirectory("eval")
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: no report in \(dir.path)/reports; run `aigq run` first\n")
    }

    @Test func aMissingDayNamesTheDaysThatHaveReports() throws {
        let dir = try Self.workspace(days: ["2026-11-24": Self.report])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path, "--day", "2026-11-30"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: no report for 2026-11-30 in \(dir.path)/reports (there are reports for 2026-11-24); run `aigq run` first\n")
    }

    @Test func anUnknownMetricIsAnError() throws {
        let dir = try Self.workspace(days: ["2026-11-24": Self.report])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path, "--metrics", "query_hr@5"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: --metrics names 'query_hr@5', which the report does not have; use some of query_hr@10,dup_rate\n")
    }

    @Test func aBrokenReportIsAnError() throws {
        let dir = try Self.workspace(days: ["2026-11-24": "{\"test_day\": 3}"])
        let result = try AIGQBinary.run(["eval", "--workspace", dir.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a metrics report: no \"test_day\" string"))
    }
}
