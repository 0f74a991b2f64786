import CTRModel
import Columnar
import Foundation
import PipelineCore
import Testing
@testable import Stages

/// The `ctr` stage on generated logs (the held-out protocol, determinism) and on hand-made events
/// (rows, labels, no leakage).
@Suite struct CTRStageTests {
    @Test func beatsThePopularityBaselineOnTheHeldOutDay() throws {
        let f = try CTRFixture()
        let day = f.days.last!
        let context = f.ctrContext(day: day)
        let result = try CTRStage().run(context)
        let report = try f.report(context)
        #expect(report["day"] as? String == day)
        #expect(report["holdout"] as? String == "day")
        let model = try #require(report["model"] as? [String: Any]), popularity = try #require(report["popularity"] as? [String: Any])
        let auc = try #require(model["auc"] as? Double), baseline = try #require(popularity["auc"] as? Double)
        // The margin on the default data is ≈ 0.045 AUC (README); the small fixture gives ≈ 0.038.
        #expect(auc > baseline + 0.02, "model AUC \(auc), popularity \(baseline)")
        #expect(try #require(model["logloss"] as? Double) < (try #require(popularity["logloss"] as? Double)))
        let train = try #require(report["train_rows"] as? Int), test = try #require(report["test_rows"] as? Int)
        #expect(train > test && test > 500)
        #expect(model["rows"] as? Int == test)
        // Rows in: every event of the window; rows out: the shipped model's rows plus query_stats rows.
        let events = try DatasetFiles.readAll(f.days.flatMap { CTRFixture.files(under: f.partition("events", $0)) }, schema: EventRows.schema)
        #expect(result.rowsIn == events.rowCount)
        let stats = try DatasetFiles.readAll([context.outputFolders["model_ctr"]! + "/query_stats.parquet"], schema: DatasetSchemas.ctrQueryStats)
        let shipped = try #require(report["shipped"] as? [String: Any])
        #expect(shipped["rows"] as? Int == train + test)
        #expect(result.rowsOut == train + test + stats.rowCount)
        let features = try #require(report["features"] as? [[String: Any]])
        #expect(features.map { $0["name"] as? String } == CTRFeatures.names)
        let model2 = try ClickModel(contentsOf: context.outputFolders["model_ctr"]! + "/ctr.json")
        #expect(model2.features == CTRFeatures.names)
    }

    @Test func theSameInputsAndSeedGiveTheSameBytesWhateverTheThreads() throws {
        let f = try CTRFixture(users: 300)
        let day = f.days.last!
        let one = f.ctrContext(day: day, threads: 1, run: "a"), two = f.ctrContext(day: day, threads: 2, run: "b")
        _ = try CTRStage().run(one)
        _ = try CTRStage().run(two)
        for name in ["ctr.json", "query_stats.parquet", "report.json"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: one.outputFolders["model_ctr"]! + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: two.outputFolders["model_ctr"]! + "/" + name))
            #expect(!a.isEmpty && a == b, "\(name) differs between runs")
        }
    }

    @Test func theFirstDayHoldsOutASeededShareOfUsers() throws {
        let f = try CTRFixture(users: 400, days: 1)
        let context = f.ctrContext(day: f.days[0])
        _ = try CTRStage().run(context)
        let report = try f.report(context)
        #expect(report["holdout"] as? String == "users")
        #expect((report["note"] as? String)?.contains("80 % of the users") == true)
        let train = try #require(report["train_rows"] as? Int), test = try #require(report["test_rows"] as? Int)
        let share = Double(test) / Double(train + test)
        #expect(share > 0.1 && share < 0.3, "held-out share \(share)")
        #expect((report["model"] as? [String: Any])?["auc"] is Double)
        // Another seed holds out other users.
        let other = f.ctrContext(day: f.days[0], params: ["seed": 2], run: "2")
        _ = try CTRStage().run(other)
        #expect(try f.report(other)["test_rows"] as? Int != test)
    }

    @Test func holdoutOffSkipsTheEvaluation() throws {
        let f = try CTRFixture(users: 200, days: 2)
        let context = f.ctrContext(day: f.days[1], params: ["holdout": false])
        _ = try CTRStage().run(context)
        let report = try f.report(context)
        #expect(report["holdout"] as? String == "none")
        #expect(report["model"] is NSNull)
        #expect(report["test_rows"] as? Int == 0)
    }

    @Test(arguments: [("l2", ParamValue.double(-1)), ("iterations", .int(0)), ("test_share", .double(1)), ("history", .int(0)), ("popularity_decay", .double(0))])
    func refusesABadParam(name: String, value: ParamValue) throws {
        let f = SessionsFixture("ctr-params")
        let context = f.context(
            kind: CTRStage.kind, day: "2026-11-23", inputs: [:], outputs: ["model_ctr"], params: [name: value])
        #expect { try CTRStage().run(context) } throws: { error in
            (error as? StageError)?.code == .badParam && "\(error)".contains(name)
        }
    }
}

/// The rows and features of the ctr stage on hand-made events.
@Suite struct CTRRowsTests {
    static let day = "2026-11-23", before = "2026-11-22"
    static func at(_ day: String, _ time: String) -> Int64 { SessionsFixture.at(day, time) }

    /// Two days: user 1 searches tent (leaf 10) the day before, then on the day sees an exposure of
    /// three logged candidates of which two are shown, clicks the second; the exposure is logged
    /// twice. User 2 sees an exposure that logs fewer candidates than `shown`.
    static func set(_ f: SessionsFixture) throws -> CTRTrainingSet {
        _ = try f.writeEvents([
            TestEvent(user: 1, ts: at(before, "10:00:00"), type: "search", query: "tent"),
            TestEvent(user: 2, ts: at(before, "11:00:00"), type: "search", query: "kettle"),
        ], day: before)
        _ = try f.writeEvents([
            TestEvent(user: 1, ts: at(day, "10:00:00"), type: "hint_exposure", exposure: "e1", shown: 2, candidates: ["tent", "kettle", "lamp"]),
            TestEvent(user: 1, ts: at(day, "10:00:00"), type: "hint_exposure", exposure: "e1", shown: 2, candidates: ["tent", "kettle", "lamp"]),
            TestEvent(user: 1, ts: at(day, "10:00:05"), type: "hint_click", query: "kettle", exposure: "e1"),
            TestEvent(user: 1, ts: at(day, "10:00:06"), type: "search", query: "kettle", source: "hint"),
            TestEvent(user: 2, ts: at(day, "12:00:00"), type: "hint_exposure", exposure: "e2", shown: 3, candidates: ["lamp", "tent"]),
        ], day: day)
        let queries = try f.writeQueries([("tent", 10), ("kettle", 20), ("lamp", 11)], day: day)
        let categories = try f.writeCategories([(1, nil), (2, nil), (10, 1), (11, 1), (20, 2)], day: day)
        let dimensions = try CTRDimensions(queries: queries, items: [], categories: categories)
        return try CTRTrainingSet(
            files: f.files(under: f.root + "/data/events"), day: day, dimensions: dimensions, settings: CTRFeatureSettings(),
            hintSearchWindow: 60_000, threads: 1)
    }

    static func feature(_ set: CTRTrainingSet, _ row: Int, _ name: String) -> Double {
        set.x[row, CTRFeatures.names.firstIndex(of: name)!]
    }

    @Test func makesOneRowPerDisplayedPositionLabelledByItsClick() throws {
        let f = SessionsFixture("ctr-rows")
        let set = try Self.set(f)
        // User 1: tent (0), kettle (1, clicked); the repeated exposure adds nothing. User 2: lamp, tent.
        #expect(set.user == [1, 1, 2, 2])
        #expect(set.labels == [false, true, false, false])
        #expect(set.day == Array(repeating: Day.ordinal(Self.day)!, count: 4))
        #expect((0..<4).map { Self.feature(set, $0, "pos_1") } == [0, 1, 0, 1])
        #expect(set.maxPosition == 1)
        #expect(set.events == 7)
    }

    @Test func popularityComesFromEarlierDaysOnly() throws {
        let f = SessionsFixture("ctr-leak")
        let set = try Self.set(f)
        // tent and kettle were each searched once the day before (weight 1): log(1 + 1); the day's
        // own click on kettle and its impressions are not seen.
        #expect(Self.feature(set, 0, "q_searches") == log(2))
        #expect(Self.feature(set, 1, "q_hint_clicks") == 0)
        #expect(Self.feature(set, 1, "q_impressions") == 0)
        #expect(Self.feature(set, 2, "q_unseen") == 1)  // lamp
        #expect(Self.feature(set, 0, "q_unseen") == 0)
        // The end-of-day snapshot (what query_stats holds) does see the day.
        let end = set.popularity.snapshot(asOf: Day.ordinal(Self.day)! + 1, leaf: set.leaf, settings: CTRFeatureSettings())
        let kettle = Int(set.popularity.queries.ids["kettle"]!)
        #expect(end.totals[kettle] == QueryCounts(searches: 2, hintClicks: 1, impressions: 1))
        #expect(end.sums[kettle].searches == 1 + 0.8)
    }

    @Test func userFeaturesSeeOnlyBehaviourBeforeTheExposure() throws {
        let f = SessionsFixture("ctr-user")
        let set = try Self.set(f)
        // User 1 searched tent 24 h before the exposure: half weight; the kettle search comes after it.
        #expect(abs(Self.feature(set, 0, "u_leaf_searches") - 0.5) < 1e-12)
        #expect(Self.feature(set, 0, "u_leaf_share") == 1)
        #expect(Self.feature(set, 0, "u_query_searched") == log(2))
        #expect(Self.feature(set, 1, "u_leaf_searches") == 0)
        #expect(Self.feature(set, 1, "u_query_searched") == 0)
        // Lamp (leaf 11) is a sibling of tent (leaf 10) under 1.
        // User 2 searched kettle (leaf 20): lamp and tent are neither its leaf nor siblings.
        #expect(Self.feature(set, 2, "u_sibling_share") == 0)
        #expect(Self.feature(set, 2, "u_leaf_share") == 0)
        #expect(Self.feature(set, 2, "u_history") == log(2))
    }

    @Test func logsWithoutExposuresGiveAConstantModel() throws {
        let f = SessionsFixture("ctr-none")
        let day = Self.day
        _ = try f.writeEvents([TestEvent(user: 1, ts: Self.at(day, "10:00:00"), type: "search", query: "tent")], day: day)
        let context = f.context(
            kind: CTRStage.kind, day: day, inputs: ["events": f.files(under: f.root + "/data/events")], outputs: ["model_ctr"])
        let result = try CTRStage().run(context)
        let folder = context.outputFolders["model_ctr"]!
        let model = try ClickModel(contentsOf: folder + "/ctr.json")
        #expect(model.weights.allSatisfy { $0 == 0 })
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/report.json"))) as? [String: Any]
        #expect(report?["holdout"] as? String == "none")
        #expect(result.rowsIn == 1)
        #expect(result.rowsOut == 1)  // no training rows, one query_stats row (tent)
    }
}
