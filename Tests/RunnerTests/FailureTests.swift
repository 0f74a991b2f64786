import Foundation
import ManifestStore
import PipelineCore
import Runner
import Testing

/// A stage that fails its first `failures` attempts (counted in a file), then writes `ok`.
struct FlakyStage: Stage {
    let counter: String
    let failures: Int
    func run(_ context: StageContext) throws -> StageResult {
        let n = (Int((try? String(contentsOfFile: counter, encoding: .utf8)) ?? "0") ?? 0) + 1
        try String(n).write(toFile: counter, atomically: true, encoding: .utf8)
        if n <= failures { throw RunnerError(.taskFailed, "flaky attempt \(n)") }
        for folder in context.outputFolders.values { try "ok\n".write(toFile: folder + "/ok.txt", atomically: true, encoding: .utf8) }
        return StageResult(rowsIn: 1, rowsOut: 1)
    }
}

@Suite struct FailureTests {
    static let failing = RunnerFixture.pipelineText.replacingOccurrences(
        of: "cat \"$AIGQ_IN_CLEANED\"/*.txt | wc -l", with: "exit 3; cat \"$AIGQ_IN_CLEANED\"/*.txt | wc -l")

    @Test func failureSkipsDescendantsAndStopsTheRun() throws {
        let f = try RunnerFixture()
        var options = RunOptions()
        options.jobs = 1
        let outcomes = try f.run(options, pipeline: try f.pipeline(Self.failing))
        #expect(RunnerFixture.keys(outcomes, .failed) == ["count@dt=2026-11-23"])
        #expect(outcomes["count@dt=2026-11-23"]?.error?.hasPrefix("command exited with status 3") == true)
        #expect(outcomes["total"]?.status == .skipped)
        #expect(outcomes["total"]?.causes == ["needs count@dt=2026-11-23, which failed"])
    }

    @Test func keepGoingRunsIndependentTasks() throws {
        let f = try RunnerFixture()
        var options = RunOptions()
        options.keepGoing = true
        let outcomes = try f.run(options, pipeline: try f.pipeline(Self.failing))
        #expect(RunnerFixture.keys(outcomes, .failed) == ["count@dt=2026-11-23", "count@dt=2026-11-24"])
        #expect(RunnerFixture.keys(outcomes, .ran).contains("lines@dt=2026-11-24"))
        #expect(outcomes["total"]?.status == .skipped)
    }

    @Test func nextRunResumesAtTheFailure() throws {
        let f = try RunnerFixture()
        try f.run(pipeline: try f.pipeline(Self.failing))
        let outcomes = try f.run()
        #expect(outcomes["clean@dt=2026-11-23/part-00001.txt"]?.status == .fresh)
        #expect(outcomes["count@dt=2026-11-23"]?.status == .ran)
        #expect(outcomes["count@dt=2026-11-23"]?.causes.contains { $0.hasPrefix("last attempt failed: command exited with status 3") } == true)
        #expect(outcomes["total"]?.status == .ran)
    }

    @Test func retriesWithBackOffThenSucceed() throws {
        let f = try RunnerFixture()
        let text = """
            schema: 1
            sources: [raw]
            stages:
              flaky:
                kind: flaky
                inputs: [raw]
                outputs: [out]
                retries: 2
            """
        let registry = StageKindRegistry([StageKindInfo(name: "flaky", codeVersion: 1)])
        let pipeline = try PipelineFileParser.parse(text: text, file: "flaky.yaml", registry: registry)
        var options = RunOptions()
        options.retryBackoffSeconds = 0.01
        let outcomes = try f.run(options, pipeline: pipeline, stages: ["flaky": FlakyStage(counter: f.root + "/counter", failures: 2)])
        #expect(outcomes["flaky"]?.status == .ran)
        #expect(outcomes["flaky"]?.attempts == 3)
        let runs = try Manifest(path: f.layout.manifestPath).taskRuns(runID: 1)
        #expect(runs.map(\.status) == [.failed, .failed, .succeeded])
    }

    @Test func secondRunFailsAtOnceNamingTheHolder() throws {
        let f = try RunnerFixture()
        let lock = try WorkspaceLock.acquire(f.layout, wait: false)
        defer { withExtendedLifetime(lock) {} }
        let error = #expect(throws: RunnerError.self) { try f.run() }
        #expect(error?.code == .locked)
        #expect(error?.message.contains("is in use by another aigq run (pid \(getpid()), started ") == true)
    }

    @Test func leftoversOfAKilledRunAreRemovedAndInvisible() throws {
        let f = try RunnerFixture()
        try f.run()
        let leftover = f.layout.dataRoot + "/counts/.dt=2026-11-23.tmp-999-1"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try "half".write(toFile: leftover + "/count.txt", atomically: true, encoding: .utf8)
        #expect(FileTree.files(under: f.layout.dataRoot + "/counts") == ["dt=2026-11-23/count.txt", "dt=2026-11-24/count.txt"])
        try f.run()
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}
