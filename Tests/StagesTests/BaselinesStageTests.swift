import Columnar
import Foundation
import PipelineCore
import Testing
@testable import Stages

/// The `baselines` stage on a tiny hand-made window of two days, with lists computed by hand.
@Suite struct BaselinesStageTests {
    static let day = "2026-11-23"
    static let before = "2026-11-22"
    static let outputs = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "u2q_oracle", "transitions"]
    static let params: [String: ParamValue] = ["k": 4, "popularity_decay": 0.5, "cooccurrence_decay": 0.5]

    /// Two days of three users: searches, a hint click followed by its search (one behaviour), a hint
    /// click without one (a behaviour of its own), item clicks, a repeated search, noise events.
    static func window(_ f: BaselinesFixture) throws -> [String] {
        typealias E = BaselinesFixture.Event
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        let d1 = try f.writeEvents(before, [
            E(user: 1, ts: at(before, 10, 0), type: "search", query: "tent"),
            E(user: 1, ts: at(before, 10, 5), type: "search", query: "sleeping bag"),
            E(user: 1, ts: at(before, 10, 10), type: "item_click", item: 501),
            E(user: 1, ts: at(before, 10, 20), type: "search", query: "camping stove"),
            E(user: 3, ts: at(before, 12, 0), type: "search", query: "kayak"),
            E(user: 3, ts: at(before, 12, 1), type: "app_exit"),
        ])
        let d2 = try f.writeEvents(day, [
            E(user: 1, ts: at(day, 9, 0), type: "search", query: "tent"),
            E(user: 1, ts: at(day, 9, 10), type: "hint_click", query: "lantern"),
            E(user: 1, ts: at(day, 9, 10, 5), type: "search", query: "lantern"),
            E(user: 1, ts: at(day, 9, 30), type: "search", query: "sleeping bag"),
            E(user: 2, ts: at(day, 7, 59), type: "app_open"),
            E(user: 2, ts: at(day, 8, 0), type: "hint_click", query: "tent"),
            E(user: 2, ts: at(day, 8, 1), type: "search", query: "sleeping bag"),
            E(user: 2, ts: at(day, 8, 2), type: "search", query: "sleeping bag"),
            E(user: 2, ts: at(day, 8, 3), type: "item_click", item: 501),
            E(user: 2, ts: at(day, 8, 4), type: "search", query: "lantern"),
            E(user: 2, ts: at(day, 8, 5), type: "add_to_cart", item: 501),
        ])
        return d1 + d2
    }

    static func run(
        _ f: BaselinesFixture, truth: [String] = [], params: [String: ParamValue] = params, threads: Int = 1, run: String = "1"
    ) throws -> StageContext {
        let behaviors = try f.writeBehaviors(day, [
            (1, ["item:501", "search:tent"]), (2, ["search:nothing", "search:lantern"]), (5, ["search:kayak"]),
        ])
        let queries = try f.writeQueries(day, [("tent", 1), ("lantern", 2)])
        let context = try f.context(
            BaselinesStage.kind, day: day,
            inputs: ["events": try window(f), "behaviors": behaviors, "queries": queries, "truth": truth],
            outputs: outputs, params: params, threads: threads, run: run)
        _ = try BaselinesStage().run(context)
        return context
    }

    @Test func popularityIsTheWeightedTopKAsTheDefaultListOnly() throws {
        let f = BaselinesFixture("baselines")
        let context = try Self.run(f)
        let rows = try f.u2q(context.outputFolders["u2q_popularity"]!)
        // sleeping bag 0.5 + 1 + 2, tent 0.5 + 1 + 1 (the hint click without a search counts), lantern 1 + 1
        // (the hint click followed by its search counts once), camping stove 0.5 = kayak 0.5 (tie by text).
        #expect(rows.map(\.user) == [-1])
        #expect(rows[0].queries == ["sleeping bag", "tent", "lantern", "camping stove"])
        #expect(rows[0].scores == [3.5, 2.5, 2, 0.5])
    }

    @Test func userHistoryIsTheUsersOwnDistinctQueriesMostRecentFirst() throws {
        let f = BaselinesFixture("baselines")
        let context = try Self.run(f)
        let rows = try f.u2q(context.outputFolders["u2q_user_history"]!)
        #expect(rows.map(\.user) == [1, 2, 3])
        #expect(rows[0].queries == ["sleeping bag", "lantern", "tent", "camping stove"])
        #expect(rows[1].queries == ["lantern", "sleeping bag", "tent"])
        #expect(rows[2].queries == ["kayak"])
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        #expect(rows[1].scores == [at(Self.day, 8, 4), at(Self.day, 8, 2), at(Self.day, 8, 0)].map(Double.init))
    }

    @Test func userHistoryKeepsAtMostKWithoutPadding() throws {
        let f = BaselinesFixture("baselines")
        var params = Self.params
        params["k"] = 2
        let context = try Self.run(f, params: params)
        let rows = try f.u2q(context.outputFolders["u2q_user_history"]!)
        #expect(rows.map(\.queries) == [["sleeping bag", "lantern"], ["lantern", "sleeping bag"], ["kayak"]])
    }

    @Test func transitionsCountLaterSameDayQueriesOncePerUserDay() throws {
        let f = BaselinesFixture("baselines")
        let context = try Self.run(f)
        let rows = try Self.transitions(f, context)
        #expect(rows.map { "\($0.trigger) > \($0.query) \($0.count)" } == [
            "item:501 > camping stove 1",
            "item:501 > lantern 1",
            "search:lantern > sleeping bag 1",
            "search:sleeping bag > camping stove 1",
            "search:sleeping bag > lantern 1",
            "search:tent > sleeping bag 3",
            "search:tent > lantern 2",
            "search:tent > camping stove 1",
        ])
    }

    @Test func cooccurrenceSumsRecencyWeightedTransitionsAndPadsWithPopularity() throws {
        let f = BaselinesFixture("baselines")
        let context = try Self.run(f)
        let rows = try f.u2q(context.outputFolders["u2q_cooccurrence"]!)
        #expect(rows.map(\.user) == [-1, 1, 2])  // user 5's kayak has no followers: the default list
        #expect(rows[0].queries == ["sleeping bag", "tent", "lantern", "camping stove"])
        // User 1: search:tent (weight 1) → sleeping bag 3/6, lantern 2/6, camping stove 1/6; item:501
        // (weight 0.5) → camping stove 1/2, lantern 1/2. Padded with tent.
        #expect(rows[1].queries == ["lantern", "sleeping bag", "camping stove", "tent"])
        let expected = [1.0 / 3 + 0.25, 0.5, 1.0 / 6 + 0.25, 0]
        #expect(zip(rows[1].scores, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        // User 2: search:lantern → sleeping bag; search:nothing has no followers.
        #expect(rows[2].queries == ["sleeping bag", "tent", "lantern", "camping stove"])
        #expect(rows[2].scores == [1, 0, 0, 0])
    }

    @Test func cooccurrenceWithoutNormalisationUsesRawCounts() throws {
        let f = BaselinesFixture("baselines")
        var params = Self.params
        params["cooccurrence_normalize"] = false
        let context = try Self.run(f, params: params)
        let rows = try f.u2q(context.outputFolders["u2q_cooccurrence"]!)
        // User 1: sleeping bag 3, lantern 2 + 0.5, camping stove 1 + 0.5.
        #expect(rows[1].queries == ["sleeping bag", "lantern", "camping stove", "tent"])
        #expect(rows[1].scores == [3, 2.5, 1.5, 0])
    }

    @Test func oracleIsAbsentWithoutTruth() throws {
        let f = BaselinesFixture("baselines")
        let context = try Self.run(f)
        #expect(f.files(under: context.outputFolders["u2q_oracle"]!).isEmpty)
    }

    @Test func oracleCopiesTheNextDaysTruth() throws {
        let f = BaselinesFixture("baselines")
        let truth = try f.writeText("data/truth/dt=2026-11-24/oracle.jsonl", """
            {"user": 2, "queries": ["Tent", "tent", "  LANTERN "]}

            {"user": 1, "queries": ["kayak"]}\r
            """)
        let other = try f.writeText("data/truth/dt=2026-11-24/interests.jsonl", "{}\n")
        let context = try Self.run(f, truth: [other, truth])
        let rows = try f.u2q(context.outputFolders["u2q_oracle"]!)
        #expect(rows.map(\.user) == [1, 2])
        #expect(rows[0].queries == ["kayak"])
        #expect(rows[1].queries == ["tent", "lantern"])
        #expect(rows[1].scores == [4, 3])
    }

    @Test func aBadOracleLineNamesTheFileAndLine() throws {
        let f = BaselinesFixture("baselines")
        let truth = try f.writeText("data/truth/dt=2026-11-24/oracle.jsonl", "{\"user\": 1, \"queries\": [\"a\"]}\n{\"user\": \"x\"}\n")
        #expect {
            _ = try Self.run(f, truth: [truth])
        } throws: { error in
            "\(error)".contains("oracle.jsonl:2:")
        }
    }

    @Test func outputsAreByteIdenticalWhateverTheThreads() throws {
        let f = BaselinesFixture("baselines")
        let one = try Self.run(f, threads: 1, run: "a")
        let two = try Self.run(f, threads: 2, run: "b")
        for name in Self.outputs {
            let a = f.contents(one.outputFolders[name]!)
            #expect(a == f.contents(two.outputFolders[name]!), "\(name)")
            #expect(name == "u2q_oracle" || a.keys.sorted() == ["/part-00000.parquet"], "\(name)")
        }
    }

    @Test(arguments: [("k", ParamValue.int(0)), ("popularity_decay", .double(0)), ("cooccurrence_decay", .double(1.5)), ("max_gap_minutes", .int(-1))])
    func rejectsBadParams(name: String, value: ParamValue) throws {
        let f = BaselinesFixture("baselines")
        var params = Self.params
        params[name] = value
        #expect {
            _ = try Self.run(f, params: params)
        } throws: { error in
            "\(error)".contains(name)
        }
    }

    static func transitions(_ f: BaselinesFixture, _ context: StageContext) throws -> [(trigger: String, query: String, count: Int64)] {
        let batch = try DatasetFiles.readAll(f.files(under: context.outputFolders["transitions"]!), schema: DatasetSchemas.transitions)
        let triggers = try batch.strings("trigger")
        let queries = try batch.strings("query")
        let counts = try batch.int64s("count")
        return (0..<batch.rowCount).map { (triggers.string(at: $0), queries.string(at: $0), counts[$0]) }
    }
}
