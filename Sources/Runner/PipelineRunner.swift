import Foundation
import ManifestStore
public import PipelineCore

/// Runs a pipeline in a workspace: plans tasks, skips fresh ones, runs stale ones on a pool of
/// `jobs` workers (a `threads: all` task alone), publishes outputs atomically and records every
/// task in the manifest. Sees stages only through the ``Stage`` protocol.
///
/// ```swift
/// let runner = PipelineRunner(pipeline: pipeline, layout: WorkspaceLayout(root: "Workspace"), stages: registry)
/// let report = try runner.run(options)
/// ```
public final class PipelineRunner: Sendable {
    /// The pipeline.
    public let pipeline: Pipeline
    /// The workspace.
    public let layout: WorkspaceLayout
    private let stages: [String: any Stage]
    private let log: @Sendable (RunEvent) -> Void

    /// A runner; `stages` maps kind names to implementations (`command` is built in); `log` gets
    /// every ``RunEvent`` (plan size, task started and finished, notes).
    public init(
        pipeline: Pipeline, layout: WorkspaceLayout, stages: [String: any Stage] = [:],
        log: @escaping @Sendable (RunEvent) -> Void = { _ in }
    ) {
        self.pipeline = pipeline
        self.layout = layout.applying(pipeline)
        var all = stages
        all["command"] = all["command"] ?? CommandStage()
        self.stages = all
        self.log = log
    }

    /// Plans the tasks of `options`' selection.
    public func plan(_ options: RunOptions) throws -> [PlannedTask] {
        let selection: Plan.Selection
        if !options.force.isEmpty {
            selection = .force(options.force, downstream: options.downstream)
        } else if !options.targets.isEmpty {
            selection = .targets(options.targets)
        } else {
            guard !options.downstream else { throw RunnerError(.usage, "--downstream needs --force STAGE") }
            selection = .all
        }
        let plan: Plan
        do {
            plan = try pipeline.graph.plan(selection)
        } catch {
            throw RunnerError(.usage, error.description)
        }
        return try TaskPlanner(pipeline: pipeline, layout: layout).tasks(for: plan, days: options.days)
    }

    /// What would run and why, without running anything or taking the workspace lock (`aigq status`,
    /// `aigq run --dry-run`). A task downstream of one that would run is reported as stale too.
    public func status(_ options: RunOptions) throws -> RunReport {
        let tasks = try plan(options)
        try FileTree.makeFolder(layout.root)
        let manifest = try Manifest(path: layout.manifestPath)
        let executor = try TaskExecutor(layout: layout, manifest: manifest, stages: stages, options: options)
        defer { try? executor.checksums.flush() }
        var outcomes: [TaskOutcome] = []
        var willRun = Set<TaskKey>()
        for task in tasks {
            var outcome = TaskOutcome(task: task.key.description, stage: task.stage.name, status: .fresh, causes: [], attempts: 0, seconds: 0)
            do {
                let (_, verdict) = try executor.judge(task)
                outcome.causes = verdict.causes.map(\.reason)
                outcome.state = verdict.status.rawValue
                let upstream = task.dependencies.filter { willRun.contains($0) }
                if !upstream.isEmpty {
                    outcome.causes.append("upstream \(upstream.map(\.description).joined(separator: ", ")) will run")
                    if outcome.state == "fresh" { outcome.state = "stale" }
                }
                if verdict.needsRun || !upstream.isEmpty {
                    outcome.status = .wouldRun
                    willRun.insert(task.key)
                }
            } catch {
                outcome.status = .wouldRun
                outcome.state = "missing"
                outcome.causes = ["cannot judge yet: \(error)"]
                willRun.insert(task.key)
            }
            outcomes.append(outcome)
        }
        return RunReport(runID: nil, outcomes: outcomes)
    }

    /// Runs the pipeline (or, with `dryRun`, reports what would run).
    public func run(_ options: RunOptions) throws -> RunReport {
        if options.dryRun { return try status(options) }
        let lock = try WorkspaceLock.acquire(layout, wait: options.wait)
        defer { withExtendedLifetime(lock) {} }
        try FileTree.makeFolder(layout.dataRoot)
        let manifest = try Manifest(path: layout.manifestPath)
        let interrupted = try manifest.markInterruptedRuns()
        if !interrupted.isEmpty { log(.note("marked \(interrupted.count) run(s) of killed processes as interrupted")) }
        let leftovers = layout.datasetRoots.flatMap { OutputPublisher.removeLeftovers(in: $0) }
        if !leftovers.isEmpty { log(.note("removed \(leftovers.count) temporary folder(s) left by a killed run")) }
        let tasks = try plan(options)
        let run = try manifest.beginRun(pipeline: pipeline.name, commandLine: options.commandLine)
        let executor = try TaskExecutor(layout: layout, manifest: manifest, stages: stages, options: options)

        // Tasks whose upstream is all fresh can be judged now, in plan order, on this thread: a no-op
        // run is a pass over the graph, a stat per file and one manifest transaction.
        var fresh: [TaskKey: TaskOutcome] = [:]
        var judged: [TaskKey: (TaskDefinition, TaskStaleness)] = [:]
        var cached: [Manifest.CachedTask] = []
        for task in tasks where task.dependencies.allSatisfy({ fresh[$0] != nil }) {
            guard let (definition, verdict) = try? executor.judge(task) else { continue }
            guard !verdict.needsRun else {
                judged[task.key] = (definition, verdict)  // stale: its inputs are final, keep the verdict
                continue
            }
            var outcome = TaskOutcome(task: task.key.description, stage: task.stage.name, status: .fresh, causes: [], attempts: 0, seconds: 0)
            outcome.state = verdict.status.rawValue
            fresh[task.key] = outcome
            cached.append(
                Manifest.CachedTask(taskKey: task.key.description, stage: task.stage.name, day: task.day, fingerprint: definition.fingerprint.hex))
        }
        try manifest.recordCachedTasks(runID: run.id, cached)
        if !fresh.isEmpty { log(.note("\(fresh.count) of \(tasks.count) tasks are fresh")) }

        let remaining = tasks.filter { fresh[$0.key] == nil }.map { task -> PlannedTask in
            var t = task
            t.dependencies = task.dependencies.filter { fresh[$0] == nil }
            return t
        }
        log(.planned(tasks: remaining.count))
        let ran = TaskScheduler(tasks: remaining, jobs: max(1, options.jobs), keepGoing: options.keepGoing, log: log)
            .run { [judged] task in executor.execute(task, runID: run.id, judged: judged[task.key]) } skipped: { task, reason in
                do {
                    try manifest.skipTask(runID: run.id, taskKey: task.key.description, stage: task.stage.name, day: task.day, reason: reason)
                } catch {
                    self.log(.note("could not record skipped task \(task.key) in the manifest: \(error)"))
                }
            }
        try executor.checksums.flush()
        let byKey = Dictionary(uniqueKeysWithValues: zip(remaining.map(\.key), ran))
        let outcomes = tasks.compactMap { fresh[$0.key] ?? byKey[$0.key] }
        let report = RunReport(runID: run.id, outcomes: outcomes)
        try manifest.finishRun(id: run.id, status: report.failed ? .failed : .succeeded)
        return report
    }
}
