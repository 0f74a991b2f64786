import Foundation
import Testing
@testable import ManifestStore

@Suite struct ShardTests {
    @Test func removingAShardKeepsTheTaskStateThatListsIt() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        let state = Fixtures.state("ingest", fingerprint: "f", outputs: ["e/a", "e/b"])
        try manifest.completeTask(taskRunID: task.id, state: state, outputs: Fixtures.shards(of: state))

        #expect(try manifest.removeShard(dataset: "events", path: "e/a"))
        #expect(try manifest.removeShard(dataset: "events", path: "e/a") == false)
        #expect(try manifest.shards(dataset: "events").map(\.relativePath) == ["e/b"])
        #expect(try manifest.taskState(forKey: "ingest")?.outputs.map(\.path) == ["e/a", "e/b"])
    }

    @Test func removingATaskStateForgetsItsShardsButNotItsHistory() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "old-stage", stage: "old-stage")
        let state = Fixtures.state("old-stage", fingerprint: "f", outputs: ["e/a"])
        try manifest.completeTask(taskRunID: task.id, state: state, outputs: Fixtures.shards(of: state))

        #expect(try manifest.removeTaskState(forKey: "old-stage"))
        #expect(try manifest.taskState(forKey: "old-stage") == nil)
        #expect(try manifest.shards(dataset: "events").isEmpty)
        #expect(try manifest.datasets().isEmpty)
        #expect(try manifest.lastTaskRun(forKey: "old-stage")?.status == .succeeded)
    }

    @Test func keepsFullRangeInodesAndNanosecondMtimes() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        let task = try manifest.beginTask(runID: run.id, taskKey: "ingest", stage: "ingest")
        let state = Fixtures.state("ingest", fingerprint: "f", outputs: ["e/a"])
        var shards = Fixtures.shards(of: state)
        shards[0].inode = UInt64.max
        shards[0].mtimeNanoseconds = 1_790_000_000_999_999_999
        try manifest.completeTask(taskRunID: task.id, state: state, outputs: shards)
        let stored = try #require(try manifest.shard(dataset: "events", path: "e/a"))
        #expect(stored.inode == UInt64.max)
        #expect(stored.mtimeNanoseconds == 1_790_000_000_999_999_999)
    }
}
