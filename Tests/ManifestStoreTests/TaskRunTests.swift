import Foundation
import Testing
@testable import ManifestStore

@Suite struct TaskRunTests {
    @Test func countsAttemptsPerTaskWithinARun() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let first = try manifest.beginTask(
            runID: run.id, taskKey: "sft/dt=2026-11-23", stage: "sft", day: "2026-11-23", fingerprint: "f",
            startedAt: Fixtures.t0)
        try manifest.failTask(id: first.id, error: "out of memory", finishedAt: Fixtures.t0.addingTimeInterval(3))
        let second = try manifest.beginTask(runID: run.id, taskKey: "sft/dt=2026-11-23", stage: "sft")
        let other = try manifest.beginTask(runID: run.id, taskKey: "ctr", stage: "ctr")
        #expect(first.attempt == 1)
        #expect(second.attempt == 2)
        #expect(other.attempt == 1)

        let next = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        #expect(try manifest.beginTask(runID: next.id, taskKey: "sft/dt=2026-11-23", stage: "sft").attempt == 1)
    }

    @Test func recordsAFailureWithItsErrorAndTimes() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(
            runID: run.id, taskKey: "sessions/dt=2026-11-23/3", stage: "sessions", day: "2026-11-23", shard: 3,
            fingerprint: "f", startedAt: Fixtures.t0)
        let failed = try manifest.failTask(
            id: task.id, error: "input missing", finishedAt: Fixtures.t0.addingTimeInterval(2))

        #expect(failed.status == .failed)
        #expect(failed.error == "input missing")
        #expect(failed.duration == 2)
        #expect(failed.shard == 3)
        #expect(failed.day == "2026-11-23")
        #expect(try manifest.taskRun(id: task.id) == failed)
        #expect(try manifest.lastTaskRun(forKey: "sessions/dt=2026-11-23/3") == failed)
        let again = #expect(throws: ManifestError.self) { try manifest.failTask(id: task.id, error: "again") }
        #expect(again?.code == .invalidState)
    }

    @Test func recordsSkippedAndCachedTasksAsFinished() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let skipped = try manifest.skipTask(
            runID: run.id, taskKey: "rerank", stage: "rerank", reason: "upstream 'sessions' failed",
            at: Fixtures.t0)
        let cached = try manifest.recordCachedTask(
            runID: run.id, taskKey: "ctr", stage: "ctr", fingerprint: "f", at: Fixtures.t0)

        #expect(skipped.status == .skipped)
        #expect(skipped.error == "upstream 'sessions' failed")
        #expect(skipped.duration == 0)
        #expect(cached.status == .cached)
        #expect(cached.fingerprint == "f")
        #expect(try manifest.taskRuns(runID: run.id) == [skipped, cached])
    }

    @Test func refusesTasksInAFinishedOrUnknownRun() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        try manifest.finishRun(id: run.id, status: .succeeded)
        let finished = #expect(throws: ManifestError.self) {
            try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        }
        #expect(finished?.code == .invalidState)
        let unknown = #expect(throws: ManifestError.self) {
            try manifest.skipTask(runID: 404, taskKey: "ingest", stage: "ingest", reason: "x")
        }
        #expect(unknown?.code == .notFound)
        #expect(try manifest.taskRuns(runID: run.id).isEmpty)
    }

    @Test func lastTaskRunIsTheNewestAttemptAcrossRuns() throws {
        let manifest = try Manifest.inMemory()
        #expect(try manifest.lastTaskRun(forKey: "ingest") == nil)
        let first = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let a = try manifest.beginTask(runID: first.id, taskKey: "ingest", stage: "ingest")
        try manifest.completeTask(taskRunID: a.id, state: Fixtures.state("ingest", fingerprint: "f"), outputs: [])
        try manifest.finishRun(id: first.id, status: .succeeded)
        let second = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let b = try manifest.beginTask(runID: second.id, taskKey: "ingest", stage: "ingest")
        let failed = try manifest.failTask(id: b.id, error: "disk full")

        #expect(try manifest.lastTaskRun(forKey: "ingest") == failed)
        let overview = try manifest.taskOverview(forKey: "ingest")
        #expect(overview.lastAttempt == failed)
        #expect(overview.lastSuccess?.runID == first.id)
    }
}
