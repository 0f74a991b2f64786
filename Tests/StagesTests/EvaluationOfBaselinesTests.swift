import PipelineCore
import Testing
@testable import Stages

/// `evaluate` reading the tables `baselines` wrote the day before.
@Suite struct EvaluationOfBaselinesTests {
    @Test func evaluatesTheBaselinesTablesOfTheDayBefore() throws {
        let f = BaselinesFixture("evaluate-baselines")
        let truth = try f.writeText("data/truth/dt=2026-11-24/oracle.jsonl", "{\"user\": 1, \"queries\": [\"kayak\", \"tent\"]}\n")
        let made = try BaselinesStageTests.run(f, truth: [truth])
        let day = "2026-11-24"
        let events = try f.writeEvents(day, [
            BaselinesFixture.Event(user: 1, ts: BaselinesFixture.at(day, 9, 0), type: "search", query: "kayak"),
            BaselinesFixture.Event(user: 2, ts: BaselinesFixture.at(day, 9, 0), type: "search", query: "camping stove"),
        ])
        var inputs = ["events": events, "queries": try f.writeQueries(day, [("kayak", 1), ("camping stove", 2)])]
        for name in ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "u2q_oracle"] {
            inputs[name] = f.files(under: made.outputFolders[name]!)
        }
        let report = try EvaluationStageTests.report(try EvaluationStageTests.evaluate(f, inputs: inputs, run: "eval").json)
        #expect(report.methods.map(\.name) == ["popularity", "user_history", "cooccurrence", "oracle"])
        // User 1 wants kayak: only the oracle has it. User 2 wants camping stove: popularity (rank 4),
        // cooccurrence (user 2's list ends with it); user 2's history does not hold it.
        #expect(EvaluationStageTests.values(report, "popularity")["query_hr@10"] == 0.5)
        #expect(EvaluationStageTests.values(report, "user_history")["query_hr@10"] == 0)
        #expect(EvaluationStageTests.values(report, "cooccurrence")["query_hr@10"] == 0.5)
        #expect(EvaluationStageTests.values(report, "oracle")["query_hr@10"] == 0.5)
    }
}
