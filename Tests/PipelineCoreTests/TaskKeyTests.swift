import Testing

@testable import PipelineCore

@Suite struct TaskKeyTests {
    @Test(arguments: [
        (TaskKey(stage: "ctr"), "ctr"),
        (TaskKey(stage: "sessions", day: "2026-11-23"), "sessions@dt=2026-11-23"),
        (TaskKey(stage: "ingest", day: "2026-11-23", shard: "part-00003"), "ingest@dt=2026-11-23/part-00003"),
        (TaskKey(stage: "score", shard: "part-00003"), "score@part-00003"),
    ])
    func roundTripsItsStringForm(key: TaskKey, text: String) {
        #expect(key.description == text)
        #expect(TaskKey(text) == key)
    }

    @Test(arguments: ["", "@dt=2026-11-23", "a@", "a@dt=", "a@dt=2026-11-23/"])
    func rejectsMalformedStrings(text: String) {
        #expect(TaskKey(text) == nil)
    }

    @Test func ordersByStageThenDayThenShard() {
        let keys = [
            TaskKey(stage: "b"), TaskKey(stage: "a", day: "2026-11-24"),
            TaskKey(stage: "a", day: "2026-11-23", shard: "p1"),
            TaskKey(stage: "a", day: "2026-11-23"),
        ]
        #expect(keys.sorted().map(\.description) == ["a@dt=2026-11-23", "a@dt=2026-11-23/p1", "a@dt=2026-11-24", "b"])
    }
}
