import Foundation
import PipelineCore
import Runner
import Testing

/// Inputs read over a window of days, relocated datasets, and shared (unpartitioned) parts.
@Suite struct DayWindowTests {
    /// A stage that records the files it was given, per input, into its output.
    struct RecordingStage: Stage {
        func run(_ context: StageContext) throws -> StageResult {
            var lines: [String] = []
            for input in context.spec.inputs {
                for file in context.inputFiles[input] ?? [] {
                    lines.append(input + " " + file.replacingOccurrences(of: context.workspace + "/", with: ""))
                }
            }
            for (_, folder) in context.outputFolders {
                try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/seen.txt", atomically: false, encoding: .utf8)
            }
            return StageResult(rowsIn: lines.count)
        }
    }

    static let text = """
        schema: 1
        sources: [raw]
        datasets:
          reports: {path: reports, partitions: day}
        stages:
          daily:
            kind: record
            per: day
            inputs: [raw]
            outputs: [copy]
          window:
            kind: record
            per: day
            inputs:
              - copy: {days: 2}
            outputs: [windowed]
          yesterday:
            kind: record
            per: day
            inputs: [{copy: {offset: -1}}]
            outputs: [reports]
        """

    func fixture() throws -> (RunnerFixture, Pipeline) {
        let fixture = try RunnerFixture()
        try fixture.write("raw/dt=2026-11-25/part-00001.txt", "late\n")
        try fixture.write("raw/dims/users.jsonl", "{}\n")
        let registry = StageKindRegistry([StageKindInfo(name: "record", codeVersion: 1)])
        let pipeline = try PipelineFileParser.parse(text: Self.text, file: "w.yaml", registry: registry)
        return (fixture, pipeline)
    }

    @Test func parsesWindowsAndLocations() throws {
        let (_, pipeline) = try fixture()
        #expect(pipeline.stage(named: "window")?.window(of: "copy") == DayWindow(days: 2, offset: 0))
        #expect(pipeline.stage(named: "yesterday")?.window(of: "copy") == DayWindow(days: 1, offset: -1))
        #expect(pipeline.stage(named: "daily")?.window(of: "raw") == .sameDay)
        #expect(pipeline.datasetLocations["reports"] == DatasetLocation(path: "reports", partitions: .day))
    }

    @Test func windowedTasksReadTheirDaysAndWaitForThem() throws {
        let (fixture, pipeline) = try fixture()
        let outcomes = try fixture.run(pipeline: pipeline, stages: ["record": RecordingStage()])
        #expect(RunnerFixture.keys(outcomes, .ran).count == 9)
        // The day task of raw also gets raw's shared dims.
        #expect(fixture.read("copy/dt=2026-11-23/seen.txt") == """
            raw data/raw/dims/users.jsonl
            raw data/raw/dt=2026-11-23/part-00001.txt
            raw data/raw/dt=2026-11-23/part-00002.txt
            raw data/raw/dt=2026-11-23/part-00003.txt

            """)
        #expect(fixture.read("windowed/dt=2026-11-25/seen.txt") == """
            copy data/copy/dt=2026-11-24/seen.txt
            copy data/copy/dt=2026-11-25/seen.txt

            """)
        #expect(fixture.read("windowed/dt=2026-11-23/seen.txt") == "copy data/copy/dt=2026-11-23/seen.txt\n")
        // Offset -1 reads yesterday's partition; the first day reads nothing. Reports live in <ws>/reports/DAY.
        let reports = fixture.layout.root + "/reports/"
        #expect(try String(contentsOfFile: reports + "2026-11-24/seen.txt", encoding: .utf8) == "copy data/copy/dt=2026-11-23/seen.txt\n")
        #expect(try String(contentsOfFile: reports + "2026-11-23/seen.txt", encoding: .utf8) == "\n")
    }

    @Test func aChangeReachesOnlyTheTasksWhoseWindowHoldsIt() throws {
        let (fixture, pipeline) = try fixture()
        try fixture.run(pipeline: pipeline, stages: ["record": RecordingStage()])
        try fixture.write("raw/dt=2026-11-24/part-00004.txt", "new\n")
        let outcomes = try fixture.run(pipeline: pipeline, stages: ["record": RecordingStage()])
        #expect(RunnerFixture.keys(outcomes, .ran) == [
            "daily@dt=2026-11-24", "window@dt=2026-11-24", "window@dt=2026-11-25", "yesterday@dt=2026-11-25",
        ])
    }

    @Test func aChangeInASharedPartRerunsEveryDay() throws {
        let (fixture, pipeline) = try fixture()
        try fixture.run(pipeline: pipeline, stages: ["record": RecordingStage()])
        try fixture.write("raw/dims/users.jsonl", "{\"id\": 1}\n")
        let outcomes = try fixture.run(pipeline: pipeline, stages: ["record": RecordingStage()])
        // The copies' bytes do not change (they list paths), so early cut-off stops there.
        #expect(RunnerFixture.keys(outcomes, .ran) == ["daily@dt=2026-11-23", "daily@dt=2026-11-24", "daily@dt=2026-11-25"])
    }

    @Test func rejectsBadWindows() throws {
        let registry = StageKindRegistry([StageKindInfo(name: "record", codeVersion: 1)])
        let bad = Self.text.replacingOccurrences(of: "copy: {days: 2}", with: "copy: {dayz: 2}")
        #expect(throws: PipelineError.self) { try PipelineFileParser.parse(text: bad, file: "w.yaml", registry: registry) }
        let notDaily = Self.text.replacingOccurrences(of: "    per: day\n    inputs:\n      - copy", with: "    per: none\n    inputs:\n      - copy")
        #expect(throws: PipelineError.self) { try PipelineFileParser.parse(text: notDaily, file: "w.yaml", registry: registry) }
        let unknown = Self.text.replacingOccurrences(of: "  reports: {path: reports", with: "  reprts: {path: reports")
        #expect(throws: PipelineError.self) { try PipelineFileParser.parse(text: unknown, file: "w.yaml", registry: registry) }
    }
}
