import Foundation
import LookupFormat
import PipelineCore
import Stages
import Testing

/// The export stage's `popular` table: the default list of `popular_dataset` (the day's popular
/// queries, which `aigq serve` tops unknown users' answers up with), beside u2q.
@Suite struct ExportPopularTests {
    static let day = "2026-11-23"

    @Test func publishesTheDefaultListOfPopularDatasetAsThePopularTable() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.writeU2Q("u2q_popularity", day: Self.day, [(-1, 2, "tent", 80), (-1, 1, "rain boots", 90), (-1, 3, "umbrella", 70), (7, 1, "not popular", 1)])
        let receipt = try fixture.run(fixture.context(day: Self.day, params: ["popular_dataset": "u2q_popularity", "popular_n": 2]))
        #expect(receipt.tables.map(\.table) == ["u2q", "popular"])
        let popular = try fixture.folder("popular").loadCurrent()
        #expect(popular.manifest.sourceDataset == "u2q_popularity")
        #expect(popular.manifest.keys == 1)
        #expect(popular.manifest.rowsPerKey == 2)
        #expect(try popular.lookup.lookup(LookupTable.defaultKey).map(\.query) == ["rain boots", "tent"])
        #expect(try popular.lookup.lookup("7") == [])
        #expect(try fixture.folder().loadCurrent().manifest.sourceDataset == "u2q_cooccurrence")
    }

    @Test func isNotPublishedByDefaultNorWhenTheDatasetHasNoFiles() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        #expect(try fixture.run(fixture.context(day: Self.day)).tables.map(\.table) == ["u2q"])
        let inputs = ["u2q_user_history", "u2q_cooccurrence", "u2q_popularity_other"]
        let receipt = try fixture.run(fixture.context(
            day: Self.day, inputs: inputs, params: ["popular_dataset": "u2q_popularity_other"]))
        #expect(receipt.tables.map(\.table) == ["u2q"])
        #expect(ExportFolder.tables(in: fixture.exports) == ["u2q"])
    }

    @Test func aDatasetWithoutADefaultListOrNotAnInputIsRefused() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.writeU2Q("u2q_user_history", day: Self.day, [(7, 1, "history 7", 1)])
        let noDefault = try fixture.context(day: Self.day, params: ["popular_dataset": "u2q_user_history"])
        let error = #expect(throws: StageError.self) { try ExportStage().run(noDefault) }
        #expect(error?.message == "u2q_user_history has no user -1 (default) list for 2026-11-23; nothing to export as popular (rerun the stage that writes u2q_user_history)")

        let notInput = try fixture.context(day: Self.day, params: ["popular_dataset": "u2q_oracle"])
        let refused = #expect(throws: StageError.self) { try ExportStage().run(notInput) }
        #expect(refused?.message == "stage 'export' exports popular from 'u2q_oracle' (popular_dataset) but does not list it under inputs; add it or set popular_dataset to \"\"")

        let tooMany = try fixture.context(day: Self.day, params: ["popular_dataset": "u2q_popularity", "popular_n": 0])
        let bad = #expect(throws: StageError.self) { try ExportStage().run(tooMany) }
        #expect(bad?.message == "param 'popular_n' of stage 'export' is 0; use 1…1000")
    }
}
