import Foundation
import PipelineCore
import Runner

/// A temp workspace with raw day partitions and a pipeline of command stages:
///
/// ```
/// raw (source) ──clean (per day, map: shard)──▶ cleaned ──count (per day)──▶ counts ──total──▶ report
///            └────────────────────────────────── lines (per day) ─────────▶ linecounts
/// ```
final class RunnerFixture {
    let root: String
    let layout: WorkspaceLayout

    static let pipelineText = """
        schema: 1
        name: demo
        sources: [raw]
        stages:
          clean:
            kind: command
            inputs: [raw]
            outputs: [cleaned]
            per: day
            map: shard
            params:
              cmd: tr a-z A-Z < "$AIGQ_IN_RAW/$AIGQ_SHARD" > "$AIGQ_OUT_CLEANED/$AIGQ_SHARD"
          count:
            kind: command
            inputs: [cleaned]
            outputs: [counts]
            per: day
            params:
              cmd: cat "$AIGQ_IN_CLEANED"/*.txt | wc -l | tr -d ' ' > "$AIGQ_OUT_COUNTS/count.txt"
          total:
            kind: command
            inputs: [counts]
            outputs: [report]
            params:
              cmd: cat $(find "$AIGQ_IN_COUNTS" -name count.txt | sort) > "$AIGQ_OUT_REPORT/total.txt"; echo "$AIGQ_PARAM_LABEL" >> "$AIGQ_OUT_REPORT/total.txt"
              label: v1
          lines:
            kind: command
            inputs: [raw]
            outputs: [linecounts]
            per: day
            params:
              cmd: cat "$AIGQ_IN_RAW"/*.txt | wc -c | tr -d ' ' > "$AIGQ_OUT_LINECOUNTS/bytes.txt"
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/aigq-runner-\(UUID().uuidString)"
        layout = WorkspaceLayout(root: root + "/ws")
        for day in ["2026-11-23", "2026-11-24"] {
            for k in 1...3 { try write("raw/dt=\(day)/part-0000\(k).txt", "line \(k) of \(day)\n") }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `text` to a dataset file (relative to the data folder).
    func write(_ relative: String, _ text: String) throws {
        let path = layout.dataRoot + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Reads a dataset file.
    func read(_ relative: String) -> String? { try? String(contentsOfFile: layout.dataRoot + "/" + relative, encoding: .utf8) }

    /// The pipeline, with `text` replacing the default and `overrides` applied.
    func pipeline(_ text: String = RunnerFixture.pipelineText, overrides: [String] = []) throws -> Pipeline {
        try PipelineFileParser.parse(
            text: text, file: "demo.yaml", registry: StageKindRegistry(), overrides: try overrides.map { try ParamOverride(parsing: $0) })
    }

    /// Runs the pipeline and returns the outcome per task key.
    @discardableResult
    func run(_ options: RunOptions = RunOptions(), pipeline: Pipeline? = nil, stages: [String: any Stage] = [:]) throws -> [String: TaskOutcome] {
        let runner = PipelineRunner(pipeline: try pipeline ?? self.pipeline(), layout: layout, stages: stages)
        let report = try runner.run(options)
        return Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.task, $0) })
    }

    /// The task keys whose outcome is `status`, sorted.
    static func keys(_ outcomes: [String: TaskOutcome], _ status: TaskOutcome.Status) -> [String] {
        outcomes.values.filter { $0.status == status }.map(\.task).sorted()
    }
}
