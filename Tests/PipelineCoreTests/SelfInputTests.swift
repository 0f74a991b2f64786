import Testing

@testable import PipelineCore

/// A `per: day` stage reading its own output of earlier days (yesterday's checkpoint):
///
/// ```text
/// raw_logs ─▶ ingest ─events─▶ sft ─model_sft─▶ report
///                              ↺ model_sft of day-1
/// ```
@Suite struct SelfInputTests {
    /// `- model_sft: {offset: -1}` is on line 14, the name at column 9.
    static let text = """
        schema: 1
        sources: [raw_logs]
        stages:
          ingest:
            kind: ingest
            inputs: [raw_logs]
            outputs: [events]
            per: day
          sft:
            kind: sft
            per: day
            inputs:
              - events: {days: 7}
              - model_sft: {offset: -1}
            outputs: [model_sft]
          report:
            kind: command
            inputs: [model_sft]
            outputs: [reports]
            params: {cmd: report}
        """

    static func with(_ window: String) -> String {
        text.replacing("model_sft: {offset: -1}", with: window)
    }

    @Test func parsesASelfInputOfEarlierDaysWithoutAnEdge() throws {
        let graph = try Fixtures.parse(Self.text).graph
        let sft = try #require(graph.stage(named: "sft"))
        #expect(sft.selfInputs == ["model_sft"])
        #expect(sft.window(of: "model_sft") == DayWindow(days: 1, offset: -1))
        #expect(graph.producer(of: "model_sft") == "sft")
        #expect(graph.topologicalOrder == ["ingest", "sft", "report"])
        #expect(graph.upstream(of: "sft") == ["ingest"])
        #expect(graph.downstream(of: "sft") == ["report"])
        #expect(graph.edges.map { "\($0.from)→\($0.to)" } == ["ingest→sft", "sft→report"])
        #expect(try graph.plan(.force(["sft"], downstream: true)).stages == ["sft", "report"])
        #expect(try graph.plan(.targets(["sft"])).stages == ["ingest", "sft"])
    }

    @Test(arguments: ["model_sft: {days: 7, offset: -1}", "model_sft: {offset: -3}", "model_sft: {days: 2, offset: -2}"])
    func acceptsAnyWindowEndingBeforeTheDay(window: String) throws {
        let stage = try #require(try Fixtures.parse(Self.with(window)).stage(named: "sft"))
        #expect(stage.selfInputs == ["model_sft"])
    }

    @Test(arguments: [
        (
            "model_sft",
            "Pipelines/test.yaml:14:9: stage 'sft' reads its own output 'model_sft' on the same day; a stage can read what it wrote only on earlier days: write {model_sft: {offset: -1}}\n      - model_sft\n        ^"
        ),
        (
            "model_sft: {days: 3}",
            "Pipelines/test.yaml:14:9: stage 'sft' reads its own output 'model_sft' on the same day; a stage can read what it wrote only on earlier days: write {model_sft: {days: 3, offset: -1}}\n      - model_sft: {days: 3}\n        ^"
        ),
        (
            "model_sft: {days: 2, offset: 1}",
            "Pipelines/test.yaml:14:9: stage 'sft' reads its own output 'model_sft' on the same day; a stage can read what it wrote only on earlier days: write {model_sft: {days: 2, offset: -1}}\n      - model_sft: {days: 2, offset: 1}\n        ^"
        ),
        (
            "model_sft: {offset: 1}",
            "Pipelines/test.yaml:14:9: stage 'sft' reads its own output 'model_sft' on later days; a stage can read what it wrote only on earlier days: write {model_sft: {offset: -1}}\n      - model_sft: {offset: 1}\n        ^"
        ),
    ])
    func rejectsASelfInputNotEndingBeforeTheDay(window: String, expected: String) {
        #expect(Fixtures.parseError(Self.with(window)) == expected)
    }

    @Test func rejectsASelfInputOfAStageThatIsNotPerDay() {
        // Without `per: day` the window is not checked by the parser; the graph still refuses.
        let text = Self.text.replacing("    kind: sft\n    per: day\n", with: "    kind: sft\n")
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:13:9: stage 'sft' reads its own output 'model_sft'; remove it from the inputs or the outputs, or make the stage 'per: day' and read earlier days: {model_sft: {offset: -1}}
                      - model_sft: {offset: -1}
                        ^
                """)
    }

    @Test func drawsTheSelfInputAsALoop() throws {
        let graph = try Fixtures.parse(Self.with("model_sft: {days: 7, offset: -1}")).graph
        #expect(
            graph.render(.text, name: "x") == """
                raw_logs (source) → ingest
                ingest → sft
                sft → report (self: model_sft day-7…day-1)
                report

                """)
        let yesterday = try Fixtures.parse(Self.text).graph
        #expect(yesterday.render(.dot, name: "x").contains("  \"sft\" -> \"sft\" [label=\"model_sft day-1\"];\n}\n"))
        #expect(yesterday.render(.mermaid, name: "x").hasSuffix("  sft -->|\"model_sft day-1\"| sft\n"))
    }
}
