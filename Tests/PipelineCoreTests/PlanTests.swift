import Testing

@testable import PipelineCore

/// Exact plans on a small drawn DAG (dvc's `test_repro_plan` manner).
///
/// ```text
///   A ──▶ B ──▶ D ──▶ F
///   │           ▲
///   └───▶ C ────┘
///   E ──▶ G
/// ```
///
/// Stages are declared out of order (F D C B A G E) so that ties fall back to file order:
/// the topological order is A C B D F E G.
@Suite struct PlanTests {
    let graph: StageGraph

    init() throws {
        graph = try StageGraph(stages: [
            Fixtures.stage("F", ["d"], ["f"]),
            Fixtures.stage("D", ["b", "c"], ["d"]),
            Fixtures.stage("C", ["a"], ["c"]),
            Fixtures.stage("B", ["a"], ["b"]),
            Fixtures.stage("A", [], ["a"]),
            Fixtures.stage("G", ["e"], ["g"]),
            Fixtures.stage("E", [], ["e"]),
        ])
    }

    @Test(arguments: [
        (Plan.Selection.all, "A C B D F E G"),
        (.targets(["D"]), "A C B D"),
        (.targets(["G", "B"]), "A B E G"),
        (.force(["B"], downstream: false), "B(forced)"),
        (.force(["B"], downstream: true), "B(forced) D(forced) F(forced)"),
        (.force(["A"], downstream: true), "A(forced) C(forced) B(forced) D(forced) F(forced)"),
        (.force(["E", "C"], downstream: true), "C(forced) D(forced) F(forced) E(forced) G(forced)"),
        (.force(["F"], downstream: true), "F(forced)"),
    ])
    func plansExactlyTheSelectedStages(selection: Plan.Selection, expected: String) throws {
        let plan = try graph.plan(selection)
        #expect(plan.steps.map { $0.stage + ($0.forced ? "(forced)" : "") }.joined(separator: " ") == expected)
    }

    @Test func walksAncestorsAndDescendantsInTopologicalOrder() {
        #expect(graph.ancestors(of: "D") == ["A", "C", "B"])
        #expect(graph.descendants(of: "A") == ["C", "B", "D", "F"])
        #expect(graph.upstream(of: "D") == ["C", "B"])
        #expect(graph.descendants(of: "G") == [])
        #expect(graph.ancestors(of: "nope") == [])
    }

    @Test func rejectsUnknownStageWithSuggestion() throws {
        let daily = try Fixtures.parse(Fixtures.daily).graph
        let error = #expect(throws: PipelineError.self) { try daily.plan(.force(["sessoins"], downstream: true)) }
        #expect(error?.code == .unknownStage)
        #expect(
            error?.message
                == "unknown stage 'sessoins'; did you mean 'sessions'? Stages: ingest, sessions, ctr, sft, report")
    }
}
