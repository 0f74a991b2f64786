import Stages
import ArgumentParser
import Foundation
import Runner

/// `aigq run`: brings the workspace up to date with the pipeline, rerunning only stale tasks.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline: every stale task, in dependency order, in parallel where possible.",
        discussion: """
            A task reruns when its fingerprint (stage kind, code version, params, input checksums) changed, \
            an output is missing or altered, its last attempt failed, or it is forced. Use --dry-run to see \
            the plan and the cause of every task.
            """)

    @OptionGroup var options: PipelineOptions

    @Argument(help: "Run only these stages and what they need (default: all).")
    var stages: [String] = []

    @Option(help: "Rerun this stage even if fresh (repeatable).")
    var force: [String] = []

    @Flag(help: "With --force: also rerun everything downstream.")
    var downstream = false

    @Flag(help: "Print the plan with the cause of every task; run nothing.")
    var dryRun = false

    @Flag(help: "After a failure, go on with tasks that do not depend on it.")
    var keepGoing = false

    @Option(help: "Tasks run side by side (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Wait for another run on this workspace to finish instead of failing.")
    var wait = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs)).") }
        if downstream && force.isEmpty { throw ValidationError("--downstream needs --force STAGE.") }
    }

    func run() throws {
        let pipeline = try options.loadPipeline()
        var runOptions = options.runOptions()
        runOptions.targets = stages
        runOptions.force = force
        runOptions.downstream = downstream
        runOptions.dryRun = dryRun
        runOptions.keepGoing = keepGoing
        runOptions.wait = wait
        if let jobs { runOptions.jobs = jobs }
        let progress = ProgressReporter(quiet: json)
        let runner = PipelineRunner(pipeline: pipeline, layout: options.layout, stages: StageRegistry.stages) { progress.handle($0) }
        let started = Date()
        let report: RunReport
        do {
            report = try runner.run(runOptions)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        if json {
            print(try ReportJSON.encode(report))
        } else {
            for line in ReportText.lines(report, dryRun: dryRun) { print(line) }
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            let summary = dryRun
                ? "\(report.count(.wouldRun)) of \(report.outcomes.count) tasks would run"
                : "ran \(report.count(.ran)), fresh \(report.count(.fresh)), failed \(report.count(.failed)), skipped \(report.count(.skipped)) in \(seconds) s (run \(report.runID.map(String.init) ?? "-"))"
            print(summary)
        }
        if report.failed {
            let failed = report.outcomes.filter { $0.status == .failed }
            throw RunnerError(
                .taskFailed,
                "\(failed.count) task\(failed.count == 1 ? "" : "s") failed, first \(failed[0].task): \(failed[0].error ?? "unknown error")")
        }
    }
}
