import Stages
import ArgumentParser
import Foundation
import Runner

/// `aigq status`: every task fresh, stale or missing, with its causes.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every task of the pipeline as fresh, stale or missing, with the cause.")

    @OptionGroup var options: PipelineOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let pipeline = try options.loadPipeline()
        let report = try PipelineRunner(pipeline: pipeline, layout: options.layout, stages: StageRegistry.stages).status(options.runOptions())
        if json {
            print(try ReportJSON.encode(report))
            return
        }
        let width = report.outcomes.map(\.task.count).max() ?? 0
        for outcome in report.outcomes {
            let state = outcome.state ?? "unknown"
            let padded = outcome.task.padding(toLength: width, withPad: " ", startingAt: 0)
            let causes = outcome.causes.isEmpty ? "" : "  " + outcome.causes.joined(separator: "; ")
            print("\(padded)  \(state.padding(toLength: 7, withPad: " ", startingAt: 0))\(causes)")
        }
        let stale = report.outcomes.filter { $0.status == .wouldRun }.count
        print(stale == 0 ? "everything is fresh" : "\(stale) of \(report.outcomes.count) tasks would run")
    }
}
