import Columnar
import Foundation
import LookupFormat
import PipelineCore
import Stages
import Testing

/// The export stage on hand-built u2q/x2q partitions: folder contents, manifest, CURRENT, reruns,
/// backfills, leftovers, and the data-driven choice of source.
@Suite struct ExportStageTests {
    static let day = "2026-11-23"

    @Test func writesAVerifiedVersionFolderAndSwitchesCurrent() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let receipt = try fixture.run(fixture.context(day: Self.day, params: ["n": 2]))
        let folder = try fixture.folder()
        let version = try #require(receipt.tables.first?.version)
        let tableFile = try ExportManifest.File(describing: "\(folder.path)/\(version)/table.parquet")
        #expect(version == "\(Self.day)-\(tableFile.sha256.prefix(12))")
        #expect(fixture.listing() == [".lock", version, "CURRENT", "HISTORY"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder.path)/\(version)").sorted()
            == ["_MANIFEST.json", "lookup.sqlite", "table.parquet"])

        let manifest = try folder.verify(version: version)
        #expect(manifest.table == "u2q")
        #expect(manifest.rows == 5)
        #expect(manifest.keys == 3)
        #expect(manifest.rowsPerKey == 2)
        #expect(manifest.sourceDataset == "u2q_cooccurrence")
        #expect(manifest.sourceMethod == "cooccurrence")
        #expect(manifest.sourceDay == Self.day)
        #expect(manifest.created == "2026-11-23T23:59:59Z")
        #expect(manifest.files.map(\.name) == ["lookup.sqlite", "table.parquet"])
        #expect(manifest.file(named: "table.parquet") == tableFile)

        #expect(try folder.current() == version)
        #expect(try folder.history().map(\.version) == [version])
        #expect(receipt == ExportReceipt(day: Self.day, tables: [
            .init(table: "u2q", version: version, rows: 5, keys: 3, sourceDataset: "u2q_cooccurrence",
                  path: "exports/u2q/\(version)", commit: "created", switched: true, current: version),
        ]))
    }

    @Test func keepsTheBestNDistinctQueriesPerUserWithTheDefaultListUnderStar() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.run(fixture.context(day: Self.day, params: ["n": 3]))
        let lookup = try fixture.folder().loadCurrent().lookup
        #expect(try lookup.lookup("7") == [
            LookupEntry(query: "帐篷", score: 9), LookupEntry(query: "登山鞋", score: 5), LookupEntry(query: "睡袋", score: 4),
        ])
        #expect(try lookup.lookup(LookupTable.defaultKey).map(\.query) == ["rain boots", "tent"])
        #expect(try lookup.lookup("-1") == [])
        #expect(try lookup.lookup("8") == [])

        let version = try #require(try fixture.folder().current())
        let batch = try DatasetFiles.readAll(
            ["\(fixture.exports)/u2q/\(version)/table.parquet"], schema: DatasetSchemas.u2q)
        #expect(try batch.int64s("user") == [-1, -1, 7, 7, 7, 12])
        #expect(try batch.int32s("rank") == [1, 2, 1, 2, 3, 1])
        #expect((0..<batch.rowCount).map { (try? batch.strings("query").string(at: $0)) ?? "?" }
            == ["rain boots", "tent", "帐篷", "登山鞋", "睡袋", "rain boots"])
    }

    @Test func rerunReusesTheSameVersionWithoutANewHistoryLine() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let first = try fixture.run(fixture.context(day: Self.day))
        let listing = fixture.listing()
        let history = try String(contentsOfFile: try fixture.folder().historyPath, encoding: .utf8)
        let second = try fixture.run(fixture.context(day: Self.day))
        #expect(second.tables.map(\.version) == first.tables.map(\.version))
        #expect(second.tables.map(\.commit) == ["reused"])
        #expect(second.tables.map(\.switched) == [false])
        #expect(fixture.listing() == listing)
        #expect(try String(contentsOfFile: try fixture.folder().historyPath, encoding: .utf8) == history)
    }

    @Test func sameInputsGiveByteIdenticalVersionFolders() throws {
        let a = ExportStageFixture()
        let b = ExportStageFixture()
        for fixture in [a, b] {
            try fixture.writeBaselines(day: Self.day)
            try fixture.run(fixture.context(day: Self.day))
        }
        let version = try #require(try a.folder().current())
        #expect(try b.folder().current() == version)
        for name in ["_MANIFEST.json", "lookup.sqlite", "table.parquet"] {
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(a.exports)/u2q/\(version)/\(name)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(b.exports)/u2q/\(version)/\(name)"))
            #expect(x == y, "\(name)")
        }
    }

    @Test func backfillOfAnEarlierDayDoesNotRegressCurrent() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: "2026-11-24")
        try fixture.writeBaselines(day: "2026-11-23")
        try fixture.writeU2Q("u2q_cooccurrence", day: "2026-11-23", [(7, 1, "older", 1)])
        let later = try fixture.run(fixture.context(day: "2026-11-24"))
        let earlier = try fixture.run(fixture.context(day: "2026-11-23"))
        let laterVersion = try #require(later.tables.first?.version)
        let earlierVersion = try #require(earlier.tables.first?.version)
        #expect(earlierVersion.hasPrefix("2026-11-23-"))
        #expect(earlier.tables.first?.switched == false)
        #expect(earlier.tables.first?.current == laterVersion)
        #expect(try fixture.folder().current() == laterVersion)
        #expect(try fixture.folder().versions() == [earlierVersion, laterVersion])
        #expect(try fixture.folder().history().count == 1)
    }

    @Test func aNewDayReplacesCurrentAndRollbackReturnsToIt() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: "2026-11-23")
        try fixture.writeBaselines(day: "2026-11-24")
        try fixture.writeU2Q("u2q_cooccurrence", day: "2026-11-24", [(7, 1, "newer", 1)])
        let first = try fixture.run(fixture.context(day: "2026-11-23")).tables[0].version
        let second = try fixture.run(fixture.context(day: "2026-11-24"))
        #expect(second.tables[0].switched)
        #expect(try fixture.folder().current() == second.tables[0].version)
        #expect(try fixture.folder().rollback() == first)
    }

    @Test func removesATemporaryFolderLeftByAKilledExport() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let leftover = "\(fixture.exports)/u2q/.\(Self.day).tmp-999999999-0badcafe"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: leftover + "/table.parquet"))
        let receipt = try fixture.run(fixture.context(day: Self.day))
        #expect(fixture.listing() == [".lock", receipt.tables[0].version, "CURRENT", "HISTORY"])
    }

    @Test(arguments: [("popularity", "u2q_popularity", "rain boots"), ("user_history", "u2q_user_history", "history 7"),
                      ("direct", "u2q", "model 7")])
    func methodParamSelectsTheSource(_ method: String, _ dataset: String, _ firstQuery: String) throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.writeU2Q("u2q", day: Self.day, [(7, 1, "model 7", 0.5)])
        let inputs = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "u2q"]
        let receipt = try fixture.run(fixture.context(day: Self.day, inputs: inputs, params: ["u2q_method": .string(method)]))
        #expect(receipt.tables.map(\.sourceDataset) == [dataset])
        let loaded = try fixture.folder().loadCurrent()
        #expect(loaded.manifest.sourceDataset == dataset)
        #expect(loaded.manifest.sourceMethod == method)
        var first: String?
        try loaded.lookup.forEach { _, entries in if first == nil { first = entries.first?.query } }
        #expect(first == firstQuery)
    }

    @Test func modelTableWithoutRowsFallsBackToTheFallbackMethod() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let inputs = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "u2q"]
        let receipt = try fixture.run(fixture.context(day: Self.day, inputs: inputs, params: ["u2q_method": "direct"]))
        #expect(receipt.tables.map(\.sourceDataset) == ["u2q_cooccurrence"])
        #expect(try fixture.folder().loadCurrent().manifest.sourceMethod == "cooccurrence")
        let strict = try fixture.context(day: Self.day, inputs: inputs, params: ["u2q_method": "direct", "u2q_fallback": ""])
        let error = #expect(throws: StageError.self) { try ExportStage().run(strict) }
        #expect(error?.message.contains("u2q has no rows") == true)
    }

    @Test func methodWhoseDatasetIsNotAnInputIsABadParam() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let context = try fixture.context(day: Self.day, params: ["u2q_method": "oracle"])
        let error = #expect(throws: StageError.self) { try ExportStage().run(context) }
        #expect(error?.message == "stage 'export' exports u2q from 'u2q_oracle' (u2q_method oracle) but does not list it under inputs; add it or change u2q_method")
        #expect(FileManager.default.fileExists(atPath: fixture.exports) == false)
    }

    @Test func emptySourceIsRefusedAndCurrentKept() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: "2026-11-23")
        let served = try fixture.run(fixture.context(day: "2026-11-23")).tables[0].version
        try fixture.writeBaselines(day: "2026-11-24")
        try fixture.writeU2Q("u2q_cooccurrence", day: "2026-11-24", [])
        let context = try fixture.context(day: "2026-11-24")
        let error = #expect(throws: StageError.self) { try ExportStage().run(context) }
        #expect(error?.message == "u2q_cooccurrence has no rows for 2026-11-24; nothing to export as u2q (rerun the stage that writes u2q_cooccurrence)")
        #expect(try fixture.folder().current() == served)
        #expect(fixture.listing() == [".lock", served, "CURRENT", "HISTORY"])
    }

    @Test func nonFiniteScoreIsBadInput() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.writeU2Q("u2q_cooccurrence", day: Self.day, [(7, 1, "tent", .nan)])
        let context = try fixture.context(day: Self.day)
        let error = #expect(throws: StageError.self) { try ExportStage().run(context) }
        #expect(error?.message == "u2q_cooccurrence: the score of user 7's query 'tent' is nan; rerun the stage that writes u2q_cooccurrence")
    }

    @Test func exportsX2QWhenItsInputIsPresent() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        try fixture.writeX2Q("x2q", day: Self.day, [
            ("search:帐篷", 2, "睡袋", 0.4), ("search:帐篷", 1, "露营灯", 0.6), ("item:42", 1, "tent", 1),
        ])
        let inputs = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "x2q"]
        let receipt = try fixture.run(fixture.context(day: Self.day, inputs: inputs))
        #expect(receipt.tables.map(\.table) == ["u2q", "x2q"])
        let x2q = try fixture.folder("x2q").loadCurrent()
        #expect(x2q.manifest.keys == 2)
        #expect(x2q.manifest.sourceMethod == nil)
        #expect(try x2q.lookup.lookup("search:帐篷").map(\.query) == ["露营灯", "睡袋"])
        #expect(try x2q.lookup.lookup("item:42").map(\.query) == ["tent"])
    }

    @Test func x2qIsSkippedWhenItsInputHasNoFiles() throws {
        let fixture = ExportStageFixture()
        try fixture.writeBaselines(day: Self.day)
        let inputs = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "x2q"]
        let receipt = try fixture.run(fixture.context(day: Self.day, inputs: inputs))
        #expect(receipt.tables.map(\.table) == ["u2q"])
        #expect(ExportFolder.tables(in: fixture.exports) == ["u2q"])
    }
}
