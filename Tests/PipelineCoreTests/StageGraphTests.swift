import Testing

@testable import PipelineCore

@Suite struct StageGraphTests {
    static let header = "schema: 1\nsources: [raw_logs]\nstages:\n"

    @Test func rejectsCycleNamingItsStages() {
        let text =
            Self.header + """
                  train:
                    kind: command
                    params: {cmd: train}
                    inputs: [raw_logs, scores]
                    outputs: [model]
                  evaluate:
                    kind: command
                    params: {cmd: eval}
                    inputs: [model]
                    outputs: [scores]
                """
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:7:24: stages form a cycle: train → evaluate → train ('evaluate' reads 'model' from 'train'; 'train' reads 'scores' from 'evaluate'); remove one of these inputs
                    inputs: [raw_logs, scores]
                                       ^
                """)
    }

    @Test func rejectsLongerCycleStartingFromItsFirstStageInTheFile() throws {
        // d ─▶ b ─▶ c ─▶ a ─▶ b   (d is outside the cycle; a comes first in the file)
        let stages = [
            Fixtures.stage("d", [], ["xd"], line: 1),
            Fixtures.stage("a", ["xc"], ["xa"], line: 2),
            Fixtures.stage("b", ["xd", "xa"], ["xb"], line: 3),
            Fixtures.stage("c", ["xb"], ["xc"], line: 4),
        ]
        let error = #expect(throws: PipelineError.self) { try StageGraph(stages: stages) }
        #expect(error?.code == .cycle)
        #expect(
            error?.message
                == "stages form a cycle: a → b → c → a ('b' reads 'xa' from 'a'; 'c' reads 'xb' from 'b'; 'a' reads 'xc' from 'c'); remove one of these inputs"
        )
        #expect(error?.location?.line == 2)
    }

    @Test func rejectsStageReadingItsOwnOutput() {
        let error = #expect(throws: PipelineError.self) {
            try StageGraph(stages: [Fixtures.stage("a", ["x"], ["x"])])
        }
        #expect(error?.code == .cycle)
        #expect(
            error?.message
                == "stage 'a' reads its own output 'x'; remove it from the inputs or the outputs, or make the stage 'per: day' and read earlier days: {x: {offset: -1}}"
        )
    }

    @Test func rejectsTwoStagesWritingOneDataset() {
        let text =
            Self.header + """
                  ingest:
                    kind: ingest
                    inputs: [raw_logs]
                    outputs: [events]
                  replay:
                    kind: command
                    params: {cmd: replay}
                    inputs: [raw_logs]
                    outputs: [events]
                """
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:12:15: dataset 'events' is written by both 'ingest' (line 7) and 'replay'; a dataset has one producer, so rename one of the outputs
                    outputs: [events]
                              ^
                """)
    }

    @Test func rejectsStageWritingASource() {
        let text = Self.header + "  ingest:\n    kind: ingest\n    outputs: [raw_logs]\n"
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:6:15: stage 'ingest' writes 'raw_logs', which is declared under 'sources' (line 2); remove it from 'sources' or from the outputs
                    outputs: [raw_logs]
                              ^
                """)
    }

    @Test func rejectsInputNobodyProducesSuggestingADataset() {
        let text =
            Self.header + """
                  ingest:
                    kind: ingest
                    inputs: [raw_logs]
                    outputs: [events]
                  sessions:
                    kind: sessions
                    inputs: [event]
                """
        #expect(
            Fixtures.parseError(text) == """
                Pipelines/test.yaml:10:14: stage 'sessions' reads 'event', which no stage writes and which is not a source; did you mean 'events'?
                    inputs: [event]
                             ^
                """)
    }

    @Test func explainsHowToDeclareAnUnknownRawInput() {
        let error = #expect(throws: PipelineError.self) {
            try StageGraph(stages: [Fixtures.stage("a", ["clicks_2026"], ["x"])])
        }
        #expect(error?.code == .unknownInput)
        #expect(
            error?.message
                == "stage 'a' reads 'clicks_2026', which no stage writes and which is not a source; add it under 'sources:' if it is raw data, or to the outputs of the stage that writes it"
        )
    }

    @Test func rejectsDuplicateStageNamesBuiltInCode() {
        let error = #expect(throws: PipelineError.self) {
            try StageGraph(stages: [Fixtures.stage("a", [], ["x"], line: 3), Fixtures.stage("a", [], ["y"], line: 9)])
        }
        #expect(error?.description == "graph.yaml:9:3: stage 'a' is defined twice (first on line 3); rename one")
    }

    @Test func ordersTopologicallyWithFileOrderBreakingTies() throws {
        let graph = try Fixtures.parse(Fixtures.daily).graph
        #expect(graph.topologicalOrder == ["ingest", "sessions", "ctr", "sft", "report"])
        #expect(graph.upstream(of: "sft") == ["ingest", "sessions"])
        #expect(graph.downstream(of: "ingest") == ["sessions", "ctr", "sft"])
        #expect(graph.ancestors(of: "report") == ["ingest", "sessions", "ctr", "sft"])
        #expect(graph.descendants(of: "sessions") == ["sft", "report"])
        #expect(graph.producer(of: "model/ctr") == "ctr")
        #expect(graph.producer(of: "raw_logs") == nil)
        #expect(
            graph.edges.map { "\($0.from)→\($0.to) \($0.datasets)" } == [
                "ingest→sessions [\"events\"]", "ingest→ctr [\"events\"]", "ingest→sft [\"users\"]",
                "sessions→sft [\"direct_sessions\"]", "ctr→report [\"model/ctr\"]", "sft→report [\"model/sft\"]",
            ])
    }
}
