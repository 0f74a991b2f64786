import Foundation
import Testing
@testable import ManifestStore

@Suite struct RunTests {
    @Test func beginsAndFinishesARun() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(
            pipeline: "daily", commandLine: "aigq run --keep-going", pid: 42, host: "box", startedAt: Fixtures.t0)
        #expect(run.status == .running)
        #expect(run.finishedAt == nil)
        #expect(run.startedAt.timeIntervalSince1970 == 1_790_000_000.123)
        #expect(try manifest.run(id: run.id) == run)

        let finished = try manifest.finishRun(
            id: run.id, status: .succeeded, finishedAt: Fixtures.t0.addingTimeInterval(90.5))
        #expect(finished.status == .succeeded)
        #expect(finished.duration == 90.5)
        #expect(try manifest.run(id: run.id) == finished)
    }

    @Test func refusesToFinishARunTwiceOrAnUnknownRun() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        try manifest.finishRun(id: run.id, status: .failed)
        let twice = #expect(throws: ManifestError.self) { try manifest.finishRun(id: run.id, status: .succeeded) }
        #expect(twice?.code == .invalidState)
        #expect(twice?.message.contains("'failed'") == true)
        let unknown = #expect(throws: ManifestError.self) { try manifest.finishRun(id: 999, status: .failed) }
        #expect(unknown?.code == .notFound)
        #expect(unknown?.message.contains("'999'") == true)
        let running = #expect(throws: ManifestError.self) { try manifest.finishRun(id: run.id, status: .running) }
        #expect(running?.code == .invalidArgument)
    }

    @Test func listsRunsNewestFirstUpToTheLimit() throws {
        let manifest = try Manifest.inMemory()
        let runs = try (0..<5).map { try manifest.beginRun(pipeline: "daily", commandLine: "aigq run #\($0)") }
        #expect(try manifest.runs() == runs.reversed())
        #expect(try manifest.runs(limit: 2) == [runs[4], runs[3]])
    }

    @Test func marksRunsAndTaskRunsLeftRunningAsInterrupted() throws {
        let manifest = try Manifest.inMemory()
        let done = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run", startedAt: Fixtures.t0)
        try manifest.finishRun(id: done.id, status: .succeeded, finishedAt: Fixtures.t0.addingTimeInterval(5))
        let dead = try manifest.beginRun(
            pipeline: "daily", commandLine: "aigq run", pid: 777, host: "box", startedAt: Fixtures.t0)
        let ok = try manifest.beginTask(runID: dead.id, taskKey: "ingest", stage: "ingest", startedAt: Fixtures.t0)
        try manifest.completeTask(
            taskRunID: ok.id, state: Fixtures.state("ingest", fingerprint: "f1"), outputs: [],
            finishedAt: Fixtures.t0.addingTimeInterval(10))
        let hung = try manifest.beginTask(
            runID: dead.id, taskKey: "sessions", stage: "sessions", startedAt: Fixtures.t0.addingTimeInterval(11))

        let interrupted = try manifest.markInterruptedRuns()

        #expect(interrupted.map(\.id) == [dead.id])
        #expect(interrupted.first?.status == .interrupted)
        #expect(interrupted.first?.finishedAt == Fixtures.t0.addingTimeInterval(11))
        #expect(try manifest.run(id: dead.id) == interrupted.first)
        #expect(try manifest.run(id: done.id)?.status == .succeeded)
        let hungAfter = try #require(try manifest.taskRun(id: hung.id))
        #expect(hungAfter.status == .interrupted)
        #expect(hungAfter.error?.contains("pid 777 on box") == true)
        #expect(try manifest.taskRun(id: ok.id)?.status == .succeeded)
        #expect(try manifest.markInterruptedRuns().isEmpty)
    }

    @Test func finishingARunInterruptsItsStillRunningTasks() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        try manifest.finishRun(id: run.id, status: .failed)
        #expect(try manifest.taskRun(id: task.id)?.status == .interrupted)
    }

    @Test func summarisesRunsWithCountsAndRowTotals() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let a = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        try manifest.completeTask(
            taskRunID: a.id, state: Fixtures.state("ingest", fingerprint: "f"), outputs: [],
            rowsIn: 1000, rowsOut: 990, bytesOut: 4096)
        let b = try manifest.beginTask(runID: run.id, taskKey: "ctr", stage: "ctr")
        try manifest.completeTask(
            taskRunID: b.id, state: Fixtures.state("ctr", fingerprint: "g"), outputs: [], rowsIn: 10, rowsOut: 1)
        let c = try manifest.beginTask(runID: run.id, taskKey: "sessions", stage: "sessions")
        try manifest.failTask(id: c.id, error: "boom")
        try manifest.skipTask(runID: run.id, taskKey: "rerank", stage: "rerank", reason: "upstream failed")
        try manifest.recordCachedTask(runID: run.id, taskKey: "baselines", stage: "baselines", fingerprint: "h")
        let empty = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run --dry-run")

        let summaries = try manifest.runSummaries()

        #expect(summaries.map(\.run.id) == [empty.id, run.id])
        #expect(summaries[0].taskCounts.isEmpty)
        #expect(summaries[0].rowsIn == 0)
        #expect(summaries[1].taskCounts == [.succeeded: 2, .failed: 1, .skipped: 1, .cached: 1])
        #expect(summaries[1].rowsIn == 1010)
        #expect(summaries[1].rowsOut == 991)
        #expect(summaries[1].bytesOut == 4096)
    }
}
