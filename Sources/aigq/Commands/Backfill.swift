import Stages
import ArgumentParser
import Foundation
import Runner

/// `aigq backfill`: runs the pipeline day by day over a range, oldest first.
struct Backfill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline for every day from --from to --to, in order (stale tasks only).")

    @OptionGroup var options: PipelineOptions

    @Option(help: "First day, YYYY-MM-DD.")
    var from: String

    @Option(help: "Last day, YYYY-MM-DD (inclusive).")
    var to: String

    @Flag(help: "After a failed day, go on with the next days.")
    var keepGoing = false

    @Option(help: "Tasks run side by side (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Wait for another run on this workspace to finish instead of failing.")
    var wait = false

    func validate() throws {
        if !options.days.isEmpty { throw ValidationError("backfill takes --from and --to, not --day.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        let pipeline = try options.loadPipeline()
        let days = try ShardDay.range(from: from, to: to)
        var failedDays: [String] = []
        for (k, day) in days.enumerated() {
            var runOptions = options.runOptions()
            runOptions.days = [day]
            runOptions.keepGoing = keepGoing
            runOptions.wait = wait
            if let jobs { runOptions.jobs = jobs }
            let progress = ProgressReporter(quiet: false)
            let report = try PipelineRunner(pipeline: pipeline, layout: options.layout, stages: StageRegistry.stages) { progress.handle($0) }.run(runOptions)
            progress.finish()
            print("day \(day) (\(k + 1) of \(days.count)): ran \(report.count(.ran)), fresh \(report.count(.fresh)), failed \(report.count(.failed)), skipped \(report.count(.skipped))")
            if report.failed {
                failedDays.append(day)
                if !keepGoing { break }
            }
        }
        if !failedDays.isEmpty {
            throw RunnerError(.taskFailed, "backfill failed on \(failedDays.joined(separator: ", ")); see `aigq runs` and the task logs, fix, and rerun")
        }
    }
}
