import Foundation
import PipelineCore
import Runner
import Testing

/// A `per: day` stage reading its own output of the day before (a warm start), over three days:
///
/// ```text
/// raw (source) ─▶ counter (per day) ─count─▶ total
///                 ↺ count of day-1
/// ```
@Suite struct SelfInputTests {
    static let days = ["2026-11-23", "2026-11-24", "2026-11-25"]

    /// Writes yesterday's count plus the lines of the day's raw files.
    struct CounterStage: Stage {
        func run(_ context: StageContext) throws -> StageResult {
            var value = 0
            for file in context.inputFiles["count"] ?? [] {
                value += Int(try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            }
            for file in context.inputFiles["raw"] ?? [] {
                value += try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
            }
            Thread.sleep(forTimeInterval: 0.02)  // a later day started too early would not see this day's count
            try "\(value)\n".write(toFile: context.outputFolders["count"]! + "/count.txt", atomically: false, encoding: .utf8)
            return StageResult(rowsOut: 1)
        }
    }

    /// Joins the days' counts.
    struct ConcatStage: Stage {
        func run(_ context: StageContext) throws -> StageResult {
            let text = try (context.inputFiles["count"] ?? []).map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
            try text.write(toFile: context.outputFolders["total"]! + "/total.txt", atomically: false, encoding: .utf8)
            return StageResult()
        }
    }

    static let text = """
        schema: 1
        sources: [raw]
        stages:
          counter:
            kind: counter
            per: day
            inputs:
              - raw
              - count: {offset: -1}
            outputs: [count]
          total:
            kind: concat
            inputs: [count]
            outputs: [total]
        """

    static let stages: [String: any Stage] = ["counter": CounterStage(), "concat": ConcatStage()]

    /// Three days of three one-line files each.
    func fixture() throws -> (RunnerFixture, Pipeline) {
        let fixture = try RunnerFixture()
        for k in 1...3 { try fixture.write("raw/dt=2026-11-25/part-0000\(k).txt", "line \(k)\n") }
        let registry = StageKindRegistry([StageKindInfo(name: "counter", codeVersion: 1), StageKindInfo(name: "concat", codeVersion: 1)])
        return (fixture, try PipelineFileParser.parse(text: Self.text, file: "self.yaml", registry: registry))
    }

    func options(days: [String] = [], force: [String] = [], downstream: Bool = false, dryRun: Bool = false) -> RunOptions {
        var options = RunOptions()
        options.jobs = 8
        options.days = days
        options.force = force
        options.downstream = downstream
        options.dryRun = dryRun
        return options
    }

    func counts(_ fixture: RunnerFixture) -> [String?] {
        Self.days.map { fixture.read("count/dt=\($0)/count.txt") }
    }

    @Test func plansEachDayAfterTheDayBefore() throws {
        let (fixture, pipeline) = try fixture()
        let tasks = try PipelineRunner(pipeline: pipeline, layout: fixture.layout).plan(options())
        #expect(tasks.map { "\($0.key) ← \($0.dependencies.map(\.description))" } == [
            "counter@dt=2026-11-23 ← []",
            "counter@dt=2026-11-24 ← [\"counter@dt=2026-11-23\"]",
            "counter@dt=2026-11-25 ← [\"counter@dt=2026-11-24\"]",
            "total ← [\"counter@dt=2026-11-23\", \"counter@dt=2026-11-24\", \"counter@dt=2026-11-25\"]",
        ])
        // Only the requested day: nothing earlier is planned, so it waits for nothing.
        let one = try PipelineRunner(pipeline: pipeline, layout: fixture.layout).plan(options(days: ["2026-11-24"]))
        #expect(one.map(\.key.description) == ["counter@dt=2026-11-24", "total"])
        #expect(one[0].dependencies.isEmpty)
    }

    @Test func runsTheChainInOrderReadingYesterdaysOutput() throws {
        let (fixture, pipeline) = try fixture()
        let outcomes = try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        #expect(RunnerFixture.keys(outcomes, .ran).count == 4)
        #expect(counts(fixture) == ["3\n", "6\n", "9\n"])
        #expect(fixture.read("total/total.txt") == "3\n6\n9\n")
        let again = try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        #expect(RunnerFixture.keys(again, .ran) == [])
    }

    @Test func aChangeOnOneDayRerunsTheLaterDays() throws {
        let (fixture, pipeline) = try fixture()
        try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        try fixture.write("raw/dt=2026-11-23/part-00001.txt", "line 1\nline 1b\n")
        // Rerun only the first day: the next day now reads a changed count.
        try fixture.run(options(days: ["2026-11-23"]), pipeline: pipeline, stages: Self.stages)
        let status = try fixture.run(options(dryRun: true), pipeline: pipeline, stages: Self.stages)
        #expect(status["counter@dt=2026-11-23"]?.status == .fresh)
        #expect(status["counter@dt=2026-11-24"]?.causes == ["input count dt=2026-11-23 count.txt changed"])
        #expect(status["counter@dt=2026-11-25"]?.causes == ["upstream counter@dt=2026-11-24 will run"])
        let outcomes = try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        #expect(RunnerFixture.keys(outcomes, .ran) == ["counter@dt=2026-11-24", "counter@dt=2026-11-25", "total"])
        #expect(counts(fixture) == ["4\n", "7\n", "10\n"])
        #expect(fixture.read("total/total.txt") == "4\n7\n10\n")
    }

    @Test func aRerunWritingTheSameBytesLeavesTheLaterDaysFresh() throws {
        let (fixture, pipeline) = try fixture()
        try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        try fixture.write("raw/dt=2026-11-23/part-00001.txt", "another line\n")
        let outcomes = try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        #expect(RunnerFixture.keys(outcomes, .ran) == ["counter@dt=2026-11-23"])
        #expect(counts(fixture) == ["3\n", "6\n", "9\n"])
    }

    @Test func forcedDownstreamRerunsEveryDayInOrder() throws {
        let (fixture, pipeline) = try fixture()
        try fixture.run(options(), pipeline: pipeline, stages: Self.stages)
        let outcomes = try fixture.run(options(force: ["counter"], downstream: true), pipeline: pipeline, stages: Self.stages)
        #expect(RunnerFixture.keys(outcomes, .ran) == ["counter@dt=2026-11-23", "counter@dt=2026-11-24", "counter@dt=2026-11-25", "total"])
        #expect(counts(fixture) == ["3\n", "6\n", "9\n"])
    }

    @Test func aSingleDayReadsTheDayBeforeOnlyWhenItExists() throws {
        let (fixture, pipeline) = try fixture()
        // No earlier day on disk: nothing is read, no error.
        try fixture.run(options(days: ["2026-11-24"]), pipeline: pipeline, stages: Self.stages)
        #expect(counts(fixture) == [nil, "3\n", nil])
        try fixture.run(options(days: ["2026-11-23"]), pipeline: pipeline, stages: Self.stages)
        let status = try fixture.run(options(days: ["2026-11-24"], dryRun: true), pipeline: pipeline, stages: Self.stages)
        #expect(status["counter@dt=2026-11-24"]?.causes == ["input count dt=2026-11-23 count.txt added"])
        try fixture.run(options(days: ["2026-11-24"]), pipeline: pipeline, stages: Self.stages)
        #expect(counts(fixture) == ["3\n", "6\n", nil])
    }
}
