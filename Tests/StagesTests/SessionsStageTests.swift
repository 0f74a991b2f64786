import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

/// The sessions stage on small hand-built windows (spec §3, design note "Behaviour").
@Suite struct SessionsStageTests {
    static let day = "2026-11-23"
    static func at(_ time: String, _ offset: Int = 0) -> Int64 { SessionsFixture.at(Day.adding(offset, to: day), time) }

    /// Runs the stage over `events` (by day offset) and the given dims; returns the fixture and context.
    static func run(
        _ eventsByOffset: [Int: [TestEvent]], users: [(Int64, String, Int32?, Int32?)] = [],
        items: [(Int64, Int64, String)] = [], queries: [(String, Int64?)] = [], params: [String: ParamValue] = [:],
        threads: Int = 1, label: String = "run", fixture: SessionsFixture? = nil
    ) throws -> (SessionsFixture, StageContext) {
        let f = fixture ?? SessionsFixture("sessions")
        var eventFiles: [String] = []
        if fixture == nil {
            for (offset, events) in eventsByOffset.sorted(by: { $0.key < $1.key }) {
                eventFiles += try f.writeEvents(events, day: Day.adding(offset, to: day))
            }
            _ = try f.writeUsers(users, day: day)
            _ = try f.writeItems(items, day: day)
            _ = try f.writeQueries(queries, day: day)
        } else {
            eventFiles = f.files(under: f.root + "/data/events")
        }
        let context = f.context(
            kind: SessionsStage.kind, day: day,
            inputs: [
                "events": eventFiles, "users": f.files(under: f.root + "/data/users"),
                "items": f.files(under: f.root + "/data/items"), "queries": f.files(under: f.root + "/data/queries"),
            ],
            outputs: ["behaviors", "direct_sessions", "think_sessions"], params: params, threads: threads, label: label)
        _ = try SessionsStage().run(context)
        return (f, context)
    }

    static func direct(_ f: SessionsFixture, _ c: StageContext) throws -> [SessionRow] {
        try SessionRow.all(f.read(c, "direct_sessions", schema: DatasetSchemas.directSessions), lists: ["clicked", "candidates"])
    }
    static func think(_ f: SessionsFixture, _ c: StageContext) throws -> [SessionRow] {
        try SessionRow.all(f.read(c, "think_sessions", schema: DatasetSchemas.thinkSessions), lists: ["hint_clicks", "searches", "candidates"])
    }
    static func behaviors(_ f: SessionsFixture, _ c: StageContext) throws -> [SessionRow] {
        try SessionRow.all(f.read(c, "behaviors", schema: DatasetSchemas.behaviors), lists: [])
    }

    @Test func directSessionNeedsAClickAndListsClicksInClickOrder() throws {
        let events = [
            TestEvent(user: 1, ts: Self.at("07:00:00", -1), type: "search", query: "old boots"),
            TestEvent(user: 1, ts: Self.at("08:00:00"), type: "app_open"),
            TestEvent(user: 1, ts: Self.at("08:00:01"), type: "hint_exposure", exposure: "e1", shown: 3, candidates: ["a", "b", "c", "d", "e"]),
            TestEvent(user: 1, ts: Self.at("08:00:05"), type: "hint_click", query: "b", exposure: "e1"),
            TestEvent(user: 1, ts: Self.at("08:00:06"), type: "search", query: "b", source: "hint"),
            TestEvent(user: 1, ts: Self.at("08:01:00"), type: "hint_exposure", exposure: "e2", shown: 3, candidates: ["x", "y", "z"]),
            TestEvent(user: 1, ts: Self.at("08:02:00"), type: "hint_click", query: "a", exposure: "e1"),
            TestEvent(user: 1, ts: Self.at("08:02:30"), type: "hint_click", query: "b", exposure: "e1"),
            TestEvent(user: 2, ts: Self.at("09:00:00"), type: "hint_exposure", exposure: "e3", shown: 3, candidates: ["p", "q"]),
        ]
        let (f, c) = try Self.run([-1: [events[0]], 0: Array(events[1...])])
        let rows = try Self.direct(f, c)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.user == 1)
        #expect(row.ts == Self.at("08:00:01"))
        #expect(row.lists["clicked"] == ["b", "a"])
        #expect(row.lists["candidates"] == ["a", "b", "c", "d", "e"])
        #expect(row.lists["h_text"] == ["old boots"])
        #expect(row.lists["h_key"] == ["search:old boots"])
    }

    @Test func historyKeepsTheNewestLBehavioursOldestFirst() throws {
        var events = (0..<40).map { i in
            TestEvent(user: 5, ts: Self.at("10:00:00", -1) + Int64(i) * 1000, type: "search", query: "q\(i)")
        }
        events.append(TestEvent(user: 5, ts: Self.at("12:00:00"), type: "hint_exposure", exposure: "x", shown: 3, candidates: ["a"]))
        events.append(TestEvent(user: 5, ts: Self.at("12:00:03"), type: "hint_click", query: "a", exposure: "x"))
        let (f, c) = try Self.run([-1: Array(events[..<40]), 0: Array(events[40...])], params: ["history": .int(10)])
        let row = try #require(try Self.direct(f, c).first)
        #expect(row.lists["h_text"] == (30..<40).map { "q\($0)" })
        #expect(row.historyTs == row.historyTs.sorted())
        let behaviours = try #require(try Self.behaviors(f, c).first)
        // As of the end of the day the lone hint click on "a" is the newest behaviour.
        #expect(behaviours.lists["h_text"] == (31..<40).map { "q\($0)" } + ["a"])
        #expect(behaviours.ts == Day.startMillis(Day.adding(1, to: Self.day)))
    }

    @Test func noHistoryEntryAtOrAfterTheSampleTimeAcrossTheWindow() throws {
        var byOffset: [Int: [TestEvent]] = [:]
        var n: Int64 = 0
        for offset in -7...1 {
            for user in Int64(1)...6 {
                for k in 0..<6 {
                    n += 1
                    let ts = Self.at("08:00:00", offset) + Int64(k) * 600_000 + user * 1000
                    let e: TestEvent
                    switch k % 3 {
                    case 0: e = TestEvent(user: user, ts: ts, type: "hint_exposure", exposure: "e\(n)", shown: 3, candidates: ["c\(n)", "d\(n)"])
                    case 1: e = TestEvent(user: user, ts: ts, type: "hint_click", query: "c\(n - 1)", exposure: "e\(n - 1)")
                    default: e = TestEvent(user: user, ts: ts, type: "search", query: "s\(n)")
                    }
                    byOffset[offset, default: []].append(e)
                }
            }
        }
        let (f, c) = try Self.run(byOffset)
        let direct = try Self.direct(f, c), think = try Self.think(f, c), behaviours = try Self.behaviors(f, c)
        #expect(direct.count == 6 * 2)
        #expect(think.count == 6)
        #expect(behaviours.count == 6)
        for row in direct + think + behaviours {
            #expect(row.historyTs.allSatisfy { $0 < row.ts }, "history of user \(row.user) at \(row.ts) reaches \(row.historyTs.max() ?? 0)")
            #expect(row.historyTs.count <= 32)
        }
        // The window reaches back 7 days, and the day after is never read.
        let oldest = try #require(behaviours.first?.historyTs.min())
        #expect(oldest < Self.at("00:00:00", -3))
        #expect(behaviours.allSatisfy { $0.historyTs.allSatisfy { $0 < Day.startMillis(Day.adding(1, to: Self.day)) } })
        // A Direct session's own clicks (targets) are not in its history.
        for row in direct {
            let clicked = Set(row.lists["clicked"] ?? [])
            #expect(clicked.isDisjoint(with: row.lists["h_text"] ?? []))
        }
    }

    @Test func thinkSessionRunsFromFirstSearchBoxEventToLastExit() throws {
        let events = [
            TestEvent(user: 3, ts: Self.at("07:00:00"), type: "item_click", item: 100),
            TestEvent(user: 3, ts: Self.at("07:30:00"), type: "app_open"),
            TestEvent(user: 3, ts: Self.at("08:00:00"), type: "hint_exposure", exposure: "e", shown: 3, candidates: ["a", "b", "a2"]),
            TestEvent(user: 3, ts: Self.at("08:00:10"), type: "hint_click", query: "b", exposure: "e"),
            TestEvent(user: 3, ts: Self.at("08:00:12"), type: "search", query: "b", source: "hint"),
            TestEvent(user: 3, ts: Self.at("08:05:00"), type: "search", query: "q1"),
            TestEvent(user: 3, ts: Self.at("08:10:00"), type: "app_exit"),
            TestEvent(user: 3, ts: Self.at("09:00:00"), type: "hint_exposure", exposure: "f", shown: 3, candidates: ["b", "c"]),
            TestEvent(user: 3, ts: Self.at("09:01:00"), type: "search", query: "q2"),
            TestEvent(user: 3, ts: Self.at("09:10:00"), type: "app_exit"),
            TestEvent(user: 3, ts: Self.at("09:20:00"), type: "search", query: "q3"),
            TestEvent(user: 4, ts: Self.at("10:00:00"), type: "search", query: "solo"),
            TestEvent(user: 4, ts: Self.at("10:30:00"), type: "item_click", item: 101),
        ]
        let (f, c) = try Self.run(
            [0: events], items: [(100, 7, "Trail Runner Shoe"), (101, 8, "Tent")], queries: [("q1", 7), ("b", 9)])
        let rows = try Self.think(f, c)
        #expect(rows.count == 2)
        let r3 = try #require(rows.first { $0.user == 3 })
        #expect(r3.ts == Self.at("08:00:00"))
        #expect(r3.lists["hint_clicks"] == ["b"])
        #expect(r3.lists["searches"] == ["b", "q1", "q2"])
        #expect(r3.lists["candidates"] == ["a", "b", "a2", "c"])
        #expect(r3.lists["h_text"] == ["Trail Runner Shoe"])
        #expect(r3.lists["h_kind"] == ["click"])
        #expect(r3.lists["h_key"] == ["item:100"])
        #expect(r3.historyCategory == [7])
        let endTs = try f.read(c, "think_sessions", schema: DatasetSchemas.thinkSessions).int64s("end_ts")
        #expect(endTs == [Self.at("09:10:00"), Self.at("10:30:00")])
        let r4 = try #require(rows.first { $0.user == 4 })
        #expect(r4.lists["searches"] == ["solo"])
        #expect(r4.lists["h_text"] == [])
    }

    @Test func hintClickWithoutAFollowingSearchCountsAsASearch() throws {
        let events = [
            TestEvent(user: 7, ts: Self.at("08:00:00"), type: "hint_click", query: "lone", exposure: "e1"),
            TestEvent(user: 7, ts: Self.at("08:10:00"), type: "hint_click", query: "followed", exposure: "e1"),
            TestEvent(user: 7, ts: Self.at("08:10:10"), type: "search", query: "followed", source: "hint"),
            TestEvent(user: 7, ts: Self.at("08:20:00"), type: "hint_click", query: "late", exposure: "e1"),
            TestEvent(user: 7, ts: Self.at("08:21:10"), type: "search", query: "late", source: "typed"),
            TestEvent(user: 7, ts: Self.at("08:30:00"), type: "hint_click", query: "other", exposure: "e1"),
            TestEvent(user: 7, ts: Self.at("08:30:05"), type: "search", query: "not other"),
        ]
        let (f, c) = try Self.run([0: events], queries: [("lone", 3)])
        let row = try #require(try Self.behaviors(f, c).first)
        #expect(row.lists["h_text"] == ["lone", "followed", "late", "late", "other", "not other"])
        #expect(row.lists["h_kind"] == Array(repeating: "search", count: 6))
        #expect(row.historyTs == [Self.at("08:00:00"), Self.at("08:10:10"), Self.at("08:20:00"), Self.at("08:21:10"), Self.at("08:30:00"), Self.at("08:30:05")])
        #expect(row.historyCategory == [3, -1, -1, -1, -1, -1])
    }

    @Test func missingUserProfileIsUnknown() throws {
        let events = [
            TestEvent(user: 10, ts: Self.at("08:00:00"), type: "search", query: "a"),
            TestEvent(user: 99, ts: Self.at("08:00:00"), type: "search", query: "b"),
        ]
        let (f, c) = try Self.run([0: events], users: [(10, "f", 31, 2)])
        let rows = try Self.behaviors(f, c).sorted { $0.user < $1.user }
        #expect(rows.map(\.gender) == ["f", "u"])
        #expect(rows.map(\.age) == [31, nil])
        #expect(rows.map(\.tier) == [2, nil])
        #expect(try Self.think(f, c).count == 2)
    }

    @Test func dayWithoutExposuresHasThinkButNoDirectSessions() throws {
        let events = [
            TestEvent(user: 1, ts: Self.at("08:00:00"), type: "app_open"),
            TestEvent(user: 1, ts: Self.at("08:01:00"), type: "search", query: "tent"),
            TestEvent(user: 1, ts: Self.at("08:02:00"), type: "item_click", query: "tent", item: 5),
            TestEvent(user: 1, ts: Self.at("08:03:00"), type: "app_exit"),
            TestEvent(user: 2, ts: Self.at("09:00:00"), type: "purchase", item: 5),
        ]
        let (f, c) = try Self.run([0: events])
        #expect(try Self.direct(f, c).isEmpty)
        #expect(f.files(under: c.outputFolders["direct_sessions"]!).isEmpty)
        let think = try Self.think(f, c)
        #expect(think.map(\.user) == [1])
        #expect(think.first?.lists["searches"] == ["tent"])
        // Every active user has a behaviours row, even without a behaviour (user 2 only purchased).
        #expect(try Self.behaviors(f, c).map(\.user).sorted() == [1, 2])
        // An item missing from the catalogue keeps its key, with an empty title and unknown category.
        let b1 = try #require(try Self.behaviors(f, c).first { (row: SessionRow) in row.user == 1 })
        #expect(b1.lists["h_key"] == ["search:tent", "item:5"])
        #expect(b1.lists["h_text"] == ["tent", ""])
        #expect(b1.historyCategory == [-1, -1])
    }

    @Test func outputsAreByteIdenticalWhateverTheThreadCount() throws {
        var events: [Int: [TestEvent]] = [:]
        for offset in -2...0 {
            for user in Int64(1)...40 {
                for k in 0..<5 {
                    let ts = Self.at("06:00:00", offset) + user * 7919 + Int64(k) * 60_000
                    let type = ["hint_exposure", "hint_click", "search", "item_click", "app_exit"][k]
                    events[offset, default: []].append(
                        TestEvent(
                            user: user, ts: ts, type: type, query: k == 1 || k == 2 || k == 3 ? "q\(user % 7)" : nil,
                            item: k == 3 ? user % 5 : nil, exposure: k <= 1 ? "e\(offset)-\(user)" : nil, shown: k == 0 ? 3 : nil,
                            candidates: k == 0 ? ["q\(user % 7)", "q\(user % 3)", "z"] : nil))
                }
            }
        }
        let (f, one) = try Self.run(events, items: [(1, 2, "Mug 杯子")], queries: [("q1", 4)], threads: 1, label: "one")
        let (_, two) = try Self.run(events, threads: 2, label: "two", fixture: f)
        let (a, b) = (try f.outputBytes(one), try f.outputBytes(two))
        #expect(a.count >= 3 * 4 - 1)
        #expect(a == b)
    }

    @Test func rejectsAHistoryLongerThanThePromptSlots() throws {
        #expect(throws: StageError.self) {
            _ = try Self.run([0: [TestEvent(user: 1, ts: Self.at("08:00:00"), type: "search", query: "a")]], params: ["history": .int(33)])
        }
    }
}
