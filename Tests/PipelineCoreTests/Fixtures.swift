import PipelineCore

/// Stage kinds and pipeline texts shared by the tests. Nothing here touches disk.
enum Fixtures {
    /// Fake kinds standing in for the real stages (which live in the `Stages` target).
    static let registry = StageKindRegistry([
        StageKindInfo(
            name: "ingest", codeVersion: 1,
            params: [ParamSpec("bucket_count", .int, default: 8)],
            description: "Validates raw logs into columnar shards."),
        StageKindInfo(
            name: "sessions", codeVersion: 2,
            params: [ParamSpec("window_days", .int, default: 7), ParamSpec("gap_minutes", .int, default: 30)]),
        StageKindInfo(name: "ctr", codeVersion: "2026-11-a", params: [ParamSpec("l2", .double, default: 1e-4)]),
        StageKindInfo(
            name: "sft", codeVersion: 3,
            params: [
                ParamSpec("lr", .double, default: 3e-4),
                ParamSpec("epochs", .int, default: 1),
                ParamSpec("optimizer", .string, default: "adamw"),
                ParamSpec("layers", .list, default: [128, 128]),
                ParamSpec("warm_start", .bool, default: true),
            ]),
    ])

    /// A small daily pipeline (line numbers matter to some tests: `ingest:` is on line 6).
    ///
    /// ```text
    /// raw_logs ─▶ ingest ─events─▶ sessions ─direct_sessions─▶ sft ─model/sft─▶ report
    ///               │  └──events──▶ ctr ─────────model/ctr────────────────────▶ ┘
    ///               └────users─────────────────────────────────▶ sft
    /// ```
    static let daily = """
        schema: 1
        name: daily
        description: Rebuild the query-suggestion tables from yesterday's logs.
        sources: [raw_logs]
        stages:
          ingest:
            kind: ingest
            inputs: [raw_logs]
            outputs: [events, users]
            per: day
            map: shard
            retries: 2
            timeout: 10m
          sessions:
            kind: sessions
            inputs: [events]
            outputs: [behaviors, direct_sessions]
            per: day
            params:
              window_days: 14
          ctr:
            kind: ctr
            inputs: events
            outputs: [model/ctr]
            threads: all
          sft:
            kind: sft
            inputs: [direct_sessions, users]
            outputs: [model/sft]
            params: {lr: 3e-4, epochs: 2}
            threads: all
            timeout: 1h30m
          report:
            kind: command
            inputs: [model/sft, model/ctr]
            outputs: [reports]
            params:
              cmd: python3 report.py
              env: {MODE: fast}

        """

    static func parse(_ text: String, file: String = "Pipelines/test.yaml", overrides: [String] = []) throws -> Pipeline
    {
        try PipelineFileParser.parse(
            text: text, file: file, registry: registry, overrides: try overrides.map { try ParamOverride(parsing: $0) })
    }

    /// The rendered error of parsing `text` (`nil` if it parses).
    static func parseError(_ text: String, file: String = "Pipelines/test.yaml", overrides: [String] = []) -> String? {
        do {
            _ = try parse(text, file: file, overrides: overrides)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// A `command` stage built in code, for graph tests: reads `inputs`, writes `outputs`.
    static func stage(_ name: String, _ inputs: [String], _ outputs: [String], line: Int = 1) -> StageSpec {
        let location = SourceLocation(file: "graph.yaml", line: line, column: 3)
        return StageSpec(
            name: name, kind: "command", codeVersion: 1, inputs: inputs, outputs: outputs,
            params: ["cmd": "true"], locations: StageSpec.Locations(stage: location, kind: location))
    }
}
