import Testing

@testable import PipelineCore

@Suite struct DagRenderingTests {
    let graph: StageGraph

    init() throws {
        graph = try Fixtures.parse(Fixtures.daily).graph
    }

    @Test func drawsTextOneLinePerSourceAndStage() {
        #expect(
            graph.render(.text, name: "daily") == """
                raw_logs (source) → ingest
                ingest → sessions, ctr, sft
                sessions → sft
                ctr → report
                sft → report
                report

                """)
    }

    @Test func drawsGraphvizDOT() {
        #expect(
            graph.render(.dot, name: "daily") == """
                digraph "daily" {
                  rankdir=LR;
                  node [shape=box];
                  "raw_logs" [shape=cylinder];
                  "ingest";
                  "sessions";
                  "ctr";
                  "sft";
                  "report";
                  "raw_logs" -> "ingest";
                  "ingest" -> "sessions" [label="events"];
                  "ingest" -> "ctr" [label="events"];
                  "ingest" -> "sft" [label="users"];
                  "sessions" -> "sft" [label="direct_sessions"];
                  "ctr" -> "report" [label="model/ctr"];
                  "sft" -> "report" [label="model/sft"];
                }

                """)
    }

    @Test func drawsMermaidFlowchart() {
        #expect(
            graph.render(.mermaid, name: "daily") == """
                flowchart LR
                  raw_logs[("raw_logs")]
                  ingest["ingest"]
                  sessions["sessions"]
                  ctr["ctr"]
                  sft["sft"]
                  report["report"]
                  raw_logs --> ingest
                  ingest -->|"events"| sessions
                  ingest -->|"events"| ctr
                  ingest -->|"users"| sft
                  sessions -->|"direct_sessions"| sft
                  ctr -->|"model/ctr"| report
                  sft -->|"model/sft"| report

                """)
    }

    @Test func keepsSourceNodesApartFromStagesOfTheSameName() throws {
        let graph = try StageGraph(stages: [Fixtures.stage("logs", ["logs"], ["rows"])], sources: ["logs"])
        #expect(
            graph.render(.dot, name: "x") == """
                digraph "x" {
                  rankdir=LR;
                  node [shape=box];
                  "source:logs" [shape=cylinder, label="logs"];
                  "logs";
                  "source:logs" -> "logs";
                }

                """)
        #expect(
            graph.render(.mermaid, name: "x") == """
                flowchart LR
                  source_logs[("logs")]
                  logs["logs"]
                  source_logs --> logs

                """)
    }

    @Test func namesFormatsForTheCLI() {
        #expect(DagFormat.allCases.map(\.rawValue) == ["text", "dot", "mermaid"])
        #expect(DagFormat(rawValue: "dot") == .dot)
    }
}
