import ArgumentParser
import Foundation
import PipelineCore
import Runner
import Stages

/// `aigq eval`: prints a day's offline evaluation (`<workspace>/reports/<day>/metrics.json`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the offline evaluation of a test day: metrics per method with 95% intervals, and paired differences.",
        discussion: """
            Reads <workspace>/reports/<day>/metrics.json, written by the evaluate stage of `aigq run` \
            (the latest day unless --day). Methods are rows (oracle last, apart), metrics are columns with \
            the 95% bootstrap interval on the line below; the paired differences follow. --json prints \
            the file as it is.
            """)

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Option(help: "The test day, YYYY-MM-DD (default: the latest day with a report).")
    var day: String?

    @Flag(help: "Print the metrics.json file as it is.")
    var json = false

    @Option(help: "Only these metrics, comma-separated, e.g. query_hr@10,cate_hr@30 (table only).")
    var metrics: String?

    func run() throws {
        let reports = workspace + "/reports"
        let path = try reportPath(in: reports)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunnerError(.io, "cannot read '\(path)'; check its permissions")
        }
        if json {
            FileHandle.standardOutput.write(data)
            return
        }
        let report = try MetricsReport(parsing: data, source: path)
        let columns = try selectedMetrics(of: report)
        var out = StandardOutput()
        defer { out.flush() }
        out.line("test day \(report.testDay): \(report.instances) instances (\(path))")
        out.line("")
        EvalTable.lines(report, metrics: columns).forEach { out.line($0) }
    }

    /// The report file of `--day`, or of the latest day that has one.
    private func reportPath(in reports: String) throws -> String {
        let days = ((try? FileManager.default.contentsOfDirectory(atPath: reports)) ?? [])
            .filter { Day.ordinal($0) != nil && FileManager.default.fileExists(atPath: reports + "/" + $0 + "/metrics.json") }
            .sorted()
        if let day {
            guard Day.ordinal(day) != nil else { throw RunnerError(.usage, "--day must be a day YYYY-MM-DD (got '\(day)')") }
            guard days.contains(day) else {
                let known = days.isEmpty ? "there is none" : "there are reports for \(days.joined(separator: ", "))"
                throw RunnerError(.usage, "no report for \(day) in \(reports) (\(known)); run `aigq run` first")
            }
            return reports + "/" + day + "/metrics.json"
        }
        guard let latest = days.last else { throw RunnerError(.usage, "no report in \(reports); run `aigq run` first") }
        return reports + "/" + latest + "/metrics.json"
    }

    /// The metric columns: `--metrics`, or every metric of the report.
    private func selectedMetrics(of report: MetricsReport) throws -> [String] {
        var all: [String] = []
        for method in report.methods {
            for metric in method.metrics where !all.contains(metric.name) { all.append(metric.name) }
        }
        guard let metrics else { return all }
        let chosen = metrics.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        for name in chosen where !all.contains(name) {
            throw RunnerError(.usage, "--metrics names '\(name)', which the report does not have; use some of \(all.joined(separator: ","))")
        }
        return chosen
    }
}
