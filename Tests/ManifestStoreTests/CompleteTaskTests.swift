import Foundation
import Testing
@testable import ManifestStore

@Suite struct CompleteTaskTests {
    @Test func recordsTheRunStateAndShardsTogether() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "ingest/dt=2026-11-23", stage: "ingest")
        let state = Fixtures.state("ingest/dt=2026-11-23", fingerprint: "f1", outputs: ["e/part-0", "e/part-1"])
        let shards = Fixtures.shards(of: state)

        let done = try manifest.completeTask(
            taskRunID: task.id, state: state, outputs: shards, rowsIn: 10, rowsOut: 9, bytesOut: 200,
            finishedAt: Fixtures.t0)

        #expect(done.status == .succeeded)
        #expect(done.fingerprint == "f1")
        #expect(done.rowsOut == 9)
        #expect(try manifest.taskRun(id: task.id) == done)
        var expected = state
        expected.runID = run.id
        expected.succeededAt = Fixtures.t0
        #expect(try manifest.taskState(forKey: "ingest/dt=2026-11-23") == StoredTime.rounded(expected))
        #expect(try manifest.allTaskStates() == [StoredTime.rounded(expected)])
        #expect(try manifest.shards(dataset: "events") == shards.map(StoredTime.rounded))
        #expect(try manifest.shard(dataset: "events", path: "e/part-1") == StoredTime.rounded(shards[1]))
        #expect(try manifest.shard(dataset: "events", path: "e/part-9") == nil)
        #expect(try manifest.datasets() == ["events"])
        #expect(try manifest.shards(producedBy: "ingest/dt=2026-11-23").count == 2)
    }

    @Test func replacesShardsTheTaskNoLongerProduces() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let old = Fixtures.state("ingest", fingerprint: "f1", outputs: ["e/a", "e/b", "e/c"])
        let first = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        try manifest.completeTask(taskRunID: first.id, state: old, outputs: Fixtures.shards(of: old))
        let other = Fixtures.state("ctr", fingerprint: "g", outputs: ["e/z"])
        let ctr = try manifest.beginTask(runID: run.id, taskKey: "ctr", stage: "ctr")
        try manifest.completeTask(taskRunID: ctr.id, state: other, outputs: Fixtures.shards(of: other))

        let new = Fixtures.state("ingest", fingerprint: "f2", outputs: ["e/b", "e/d"])
        let second = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        try manifest.completeTask(taskRunID: second.id, state: new, outputs: Fixtures.shards(of: new))

        let paths = try manifest.shards(dataset: "events").map { "\($0.relativePath):\($0.producingFingerprint)" }
        #expect(paths == ["e/b:f2", "e/d:f2", "e/z:g"])
        #expect(try manifest.taskState(forKey: "ingest")?.fingerprint == "f2")
    }

    @Test func aShardWrittenByAnotherTaskChangesOwner() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        for (key, fingerprint) in [("a", "fa"), ("b", "fb")] {
            let state = Fixtures.state(key, fingerprint: fingerprint, outputs: ["e/shared"])
            let task = try manifest.beginTask(runID: run.id, taskKey: key, stage: key)
            try manifest.completeTask(taskRunID: task.id, state: state, outputs: Fixtures.shards(of: state))
        }
        #expect(try manifest.shard(dataset: "events", path: "e/shared")?.producingTaskKey == "b")
        #expect(try manifest.shards(producedBy: "a").isEmpty)
    }

    @Test func aFailedAttemptKeepsTheLastSuccess() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let state = Fixtures.state("ingest", fingerprint: "f1", outputs: ["e/a"])
        let ok = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        try manifest.completeTask(taskRunID: ok.id, state: state, outputs: Fixtures.shards(of: state))
        let bad = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest", fingerprint: "f2")
        try manifest.failTask(id: bad.id, error: "boom")

        let overview = try manifest.taskOverview(forKey: "ingest")
        #expect(overview.lastSuccess?.fingerprint == "f1")
        #expect(overview.lastAttempt?.status == .failed)
        #expect(overview.lastAttempt?.attempt == 2)
        #expect(overview.outputs.map(\.relativePath) == ["e/a"])
    }

    @Test func rejectsOutputsOfAnotherTaskOrListedTwice() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        let state = Fixtures.state("ingest", fingerprint: "f1", outputs: ["e/a"])
        var foreign = Fixtures.shards(of: state)
        foreign[0].producingTaskKey = "ctr"
        let wrongOwner = #expect(throws: ManifestError.self) {
            try manifest.completeTask(taskRunID: task.id, state: state, outputs: foreign)
        }
        #expect(wrongOwner?.code == .invalidArgument)
        #expect(wrongOwner?.message.contains("'ctr'") == true)
        let twice = #expect(throws: ManifestError.self) {
            try manifest.completeTask(
                taskRunID: task.id, state: state, outputs: Fixtures.shards(of: state) + Fixtures.shards(of: state))
        }
        #expect(twice?.message.contains("listed twice") == true)
        let wrongTask = #expect(throws: ManifestError.self) {
            try manifest.completeTask(taskRunID: task.id, state: Fixtures.state("ctr", fingerprint: "f"), outputs: [])
        }
        #expect(wrongTask?.code == .invalidArgument)
        #expect(try manifest.taskRun(id: task.id)?.status == .running)
    }

    @Test func aDatabaseErrorHalfwayLeavesNothingWritten() throws {
        let manifest = try Manifest.inMemory()
        let (task, before) = try Self.completedOnce(manifest)
        let state = Fixtures.state("ingest", fingerprint: "f2", outputs: ["e/x", "e/y"])
        var outputs = Fixtures.shards(of: state)
        outputs[1].size = -1  // violates CHECK (size >= 0) after the task run, state and first shard were written

        let error = #expect(throws: ManifestError.self) {
            try manifest.completeTask(taskRunID: task.id, state: state, outputs: outputs)
        }

        #expect(error?.code == .database)
        #expect(error?.cause != nil)
        #expect(try Self.snapshot(manifest, task.id) == before)
    }

    @Test func aFailureJustBeforeCommitLeavesNothingWritten() throws {
        let directory = TemporaryDirectory()
        struct Injected: Error {}
        let manifest = try Manifest(path: directory.file("m.sqlite"), durability: .full) { point in
            if point == .completeTaskBeforeCommit { throw Injected() }
        }
        let (task, before) = try Self.completedOnce(manifest, failingSecondOnly: true)
        let state = Fixtures.state("ingest", fingerprint: "f2", outputs: ["e/x"])

        #expect(throws: (any Error).self) {
            try manifest.completeTask(taskRunID: task.id, state: state, outputs: Fixtures.shards(of: state))
        }

        #expect(try Self.snapshot(manifest, task.id) == before)
        let reopened = try Manifest(path: directory.file("m.sqlite"))
        #expect(try Self.snapshot(reopened, task.id) == before)
    }

    /// Completes "ingest" once (fingerprint f1, output e/a) and begins a second attempt.
    /// With `failingSecondOnly`, the first completion goes through a manifest without failpoints.
    private static func completedOnce(_ manifest: Manifest, failingSecondOnly: Bool = false) throws
        -> (TaskRunRecord, Snapshot)
    {
        let writer = failingSecondOnly ? try Manifest(path: manifest.path) : manifest
        let run = try writer.beginRun(pipeline: "daily", commandLine: "aigq run")
        let first = try writer.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        let state = Fixtures.state("ingest", fingerprint: "f1", outputs: ["e/a"])
        try writer.completeTask(taskRunID: first.id, state: state, outputs: Fixtures.shards(of: state))
        let second = try writer.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        return (second, try snapshot(manifest, second.id))
    }

    struct Snapshot: Equatable {
        var taskRun: TaskRunRecord?
        var state: TaskState?
        var shards: [ShardRecord]
    }

    private static func snapshot(_ manifest: Manifest, _ taskRunID: Int64) throws -> Snapshot {
        Snapshot(
            taskRun: try manifest.taskRun(id: taskRunID), state: try manifest.taskState(forKey: "ingest"),
            shards: try manifest.shards(dataset: "events"))
    }
}

extension StoredTime {
    static func rounded(_ state: TaskState) -> TaskState {
        var copy = state
        copy.succeededAt = rounded(state.succeededAt)
        return copy
    }

    static func rounded(_ shard: ShardRecord) -> ShardRecord {
        var copy = shard
        copy.recordedAt = rounded(shard.recordedAt)
        return copy
    }
}
