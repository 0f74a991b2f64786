import Foundation
import ManifestStore
import PipelineCore
import Runner
import Testing

@Suite struct PipelineRunnerTests {
    static let allTasks = [
        "clean@dt=2026-11-23/part-00001.txt", "clean@dt=2026-11-23/part-00002.txt", "clean@dt=2026-11-23/part-00003.txt",
        "clean@dt=2026-11-24/part-00001.txt", "clean@dt=2026-11-24/part-00002.txt", "clean@dt=2026-11-24/part-00003.txt",
        "count@dt=2026-11-23", "count@dt=2026-11-24", "lines@dt=2026-11-23", "lines@dt=2026-11-24", "total",
    ]

    @Test func firstRunExecutesEverythingAndWritesOutputs() throws {
        let f = try RunnerFixture()
        let outcomes = try f.run()
        #expect(RunnerFixture.keys(outcomes, .ran) == Self.allTasks)
        #expect(f.read("cleaned/dt=2026-11-23/part-00002.txt") == "LINE 2 OF 2026-11-23\n")
        #expect(f.read("counts/dt=2026-11-24/count.txt") == "3\n")
        #expect(f.read("report/total.txt") == "3\n3\nv1\n")
    }

    @Test func secondRunExecutesNothing() throws {
        let f = try RunnerFixture()
        try f.run()
        let outcomes = try f.run()
        #expect(RunnerFixture.keys(outcomes, .fresh) == Self.allTasks)
    }

    @Test func touchWithoutContentChangeRerunsNothing() throws {
        let f = try RunnerFixture()
        try f.run()
        let path = f.layout.dataRoot + "/raw/dt=2026-11-23/part-00001.txt"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        #expect(RunnerFixture.keys(try f.run(), .ran) == [])
    }

    @Test func contentChangeRerunsItsShardAndDescendantsWithEarlyCutOff() throws {
        let f = try RunnerFixture()
        try f.run()
        try f.write("raw/dt=2026-11-23/part-00002.txt", "another line\n")
        let outcomes = try f.run()
        // count@23 reruns but writes the same count (3 lines), so total stays fresh (early cut-off).
        #expect(RunnerFixture.keys(outcomes, .ran) == ["clean@dt=2026-11-23/part-00002.txt", "count@dt=2026-11-23", "lines@dt=2026-11-23"])
        #expect(outcomes["clean@dt=2026-11-23/part-00002.txt"]?.causes == ["input raw dt=2026-11-23 part-00002.txt changed"])
        #expect(outcomes["total"]?.status == .fresh)
    }

    @Test func paramOverrideRerunsOnlyThatStage() throws {
        let f = try RunnerFixture()
        try f.run()
        let outcomes = try f.run(pipeline: try f.pipeline(overrides: ["total.label=v2"]))
        #expect(RunnerFixture.keys(outcomes, .ran) == ["total"])
        #expect(outcomes["total"]?.causes == ["param label changed \"v1\" → \"v2\""])
        #expect(f.read("report/total.txt") == "3\n3\nv2\n")
    }

    @Test func deletedOutputIsRebuilt() throws {
        let f = try RunnerFixture()
        try f.run()
        try FileManager.default.removeItem(atPath: f.layout.dataRoot + "/counts/dt=2026-11-24/count.txt")
        let outcomes = try f.run()
        #expect(RunnerFixture.keys(outcomes, .ran) == ["count@dt=2026-11-24"])
        #expect(outcomes["count@dt=2026-11-24"]?.causes == ["output 'counts/dt=2026-11-24/count.txt' deleted"])
    }

    @Test func forceDownstreamRerunsTheStageAndEverythingAfterIt() throws {
        let f = try RunnerFixture()
        try f.run()
        var options = RunOptions()
        options.force = ["count"]
        options.downstream = true
        let outcomes = try f.run(options)
        #expect(outcomes.keys.sorted() == ["count@dt=2026-11-23", "count@dt=2026-11-24", "total"])
        #expect(RunnerFixture.keys(outcomes, .ran) == ["count@dt=2026-11-23", "count@dt=2026-11-24", "total"])
        #expect(outcomes["total"]?.causes == ["forced by --force"])
    }

    @Test func dryRunShowsCausesAndRunsNothing() throws {
        let f = try RunnerFixture()
        var options = RunOptions()
        options.dryRun = true
        let outcomes = try f.run(options)
        #expect(RunnerFixture.keys(outcomes, .wouldRun) == Self.allTasks)
        #expect(outcomes["clean@dt=2026-11-23/part-00001.txt"]?.causes == ["never run"])
        #expect(f.read("report/total.txt") == nil)
        let runs = FileManager.default.fileExists(atPath: f.layout.manifestPath) ? try Manifest(path: f.layout.manifestPath).runs() : []
        #expect(runs.isEmpty)
    }

    @Test func onlyTheRequestedDaysRun() throws {
        let f = try RunnerFixture()
        var options = RunOptions()
        options.days = ["2026-11-24"]
        options.targets = ["count"]
        let outcomes = try f.run(options)
        #expect(outcomes.keys.sorted() == [
            "clean@dt=2026-11-24/part-00001.txt", "clean@dt=2026-11-24/part-00002.txt", "clean@dt=2026-11-24/part-00003.txt",
            "count@dt=2026-11-24",
        ])
    }
}

@Suite struct MapTaskOutputTests {
    @Test func filesAMapTaskNoLongerWritesAreRemoved() throws {
        let f = try RunnerFixture()
        let text = """
            schema: 1
            sources: [raw]
            stages:
              split:
                kind: command
                inputs: [raw]
                outputs: [pieces]
                per: day
                map: shard
                params:
                  cmd: for n in $(cat "$AIGQ_IN_RAW/$AIGQ_SHARD"); do echo $n > "$AIGQ_OUT_PIECES/$AIGQ_SHARD.$n"; done
            """
        try f.write("raw/dt=2026-11-23/part-00001.txt", "1 2 3")
        try f.run(pipeline: try f.pipeline(text))
        #expect(FileTree.files(under: f.layout.dataRoot + "/pieces/dt=2026-11-23").filter { $0.hasPrefix("part-00001") } == [
            "part-00001.txt.1", "part-00001.txt.2", "part-00001.txt.3",
        ])
        try f.write("raw/dt=2026-11-23/part-00001.txt", "1")
        try f.run(pipeline: try f.pipeline(text))
        #expect(FileTree.files(under: f.layout.dataRoot + "/pieces/dt=2026-11-23").filter { $0.hasPrefix("part-00001") } == ["part-00001.txt.1"])
    }
}
