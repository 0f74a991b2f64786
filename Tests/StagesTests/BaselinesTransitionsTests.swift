import Foundation
import PipelineCore
import Testing
@testable import Stages

/// The counting rules of `transitions`: same day only, strictly later only, once per (user, day,
/// trigger, query), the trigger's own query left out, the optional max gap, the top N per trigger.
@Suite struct BaselinesTransitionsTests {
    typealias E = BaselinesFixture.Event
    static let day = "2026-11-23"
    static let before = "2026-11-22"

    static func transitions(
        _ f: BaselinesFixture, _ days: [String: [E]], params: [String: ParamValue] = [:]
    ) throws -> [String] {
        var files: [String] = []
        for (day, events) in days.sorted(by: { $0.key < $1.key }) { files += try f.writeEvents(day, events) }
        let context = try f.context(
            BaselinesStage.kind, day: day, inputs: ["events": files],
            outputs: ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence", "u2q_oracle", "transitions"], params: params)
        _ = try BaselinesStage().run(context)
        return try BaselinesStageTests.transitions(f, context).map { "\($0.trigger) > \($0.query) \($0.count)" }
    }

    @Test func onlyTheSameDayCounts() throws {
        let f = BaselinesFixture("transitions")
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        let rows = try Self.transitions(f, [
            Self.before: [E(user: 1, ts: at(Self.before, 23, 59), type: "search", query: "a")],
            Self.day: [E(user: 1, ts: at(Self.day, 0, 1), type: "search", query: "b")],
        ])
        #expect(rows.isEmpty)
    }

    @Test func onlyStrictlyLaterQueriesCount() throws {
        let f = BaselinesFixture("transitions")
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        let rows = try Self.transitions(f, [
            Self.day: [
                E(user: 1, ts: at(Self.day, 9, 0), type: "search", query: "a"),
                E(user: 1, ts: at(Self.day, 9, 0), type: "search", query: "same time"),
                E(user: 1, ts: at(Self.day, 9, 5), type: "item_click", item: 7),
                E(user: 1, ts: at(Self.day, 9, 6), type: "hint_click", query: "c"),
            ]
        ])
        // a and "same time" share a millisecond: neither follows the other. Nothing follows c.
        #expect(rows == ["item:7 > c 1", "search:a > c 1", "search:same time > c 1"])
    }

    @Test func eachUserDayCountsAPairOnce() throws {
        let f = BaselinesFixture("transitions")
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        var events: [E] = []
        for minute in [0, 10, 20] {  // user 1: a, b, a, b, a, b
            events.append(E(user: 1, ts: at(Self.day, 9, minute), type: "search", query: "a"))
            events.append(E(user: 1, ts: at(Self.day, 9, minute + 1), type: "search", query: "b"))
        }
        events.append(E(user: 2, ts: at(Self.day, 9, 0), type: "search", query: "a"))
        events.append(E(user: 2, ts: at(Self.day, 9, 1), type: "search", query: "b"))
        let rows = try Self.transitions(f, [
            Self.before: [
                E(user: 1, ts: at(Self.before, 9, 0), type: "search", query: "a"),
                E(user: 1, ts: at(Self.before, 9, 1), type: "search", query: "b"),
            ],
            Self.day: events,
        ])
        // (1, D-1), (1, D), (2, D) for a → b; (1, D) for b → a. a → a and b → b are left out.
        #expect(rows == ["search:a > b 3", "search:b > a 1"])
    }

    @Test func maxGapLimitsHowLateAQueryMayCome() throws {
        let f = BaselinesFixture("transitions")
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        let events = [
            E(user: 1, ts: at(Self.day, 9, 0), type: "search", query: "a"),
            E(user: 1, ts: at(Self.day, 9, 4), type: "search", query: "near"),
            E(user: 1, ts: at(Self.day, 9, 30), type: "search", query: "far"),
        ]
        let all = try Self.transitions(f, [Self.day: events])
        #expect(all == ["search:a > far 1", "search:a > near 1", "search:near > far 1"])
        let g = BaselinesFixture("transitions")
        let near = try Self.transitions(g, [Self.day: events], params: ["max_gap_minutes": 5])
        #expect(near == ["search:a > near 1"])
    }

    @Test func keepsTheTopNPerTriggerByCountThenQuery() throws {
        let f = BaselinesFixture("transitions")
        func at(_ d: String, _ h: Int, _ m: Int, _ s: Int = 0) -> Int64 { BaselinesFixture.at(d, h, m, s) }
        var events: [E] = []
        for (user, followers) in [(1, ["x", "y", "z"]), (2, ["y", "z"]), (3, ["w"])] as [(Int64, [String])] {
            events.append(E(user: user, ts: at(Self.day, 9, 0), type: "search", query: "t"))
            for (i, q) in followers.enumerated() { events.append(E(user: user, ts: at(Self.day, 9, i + 1), type: "search", query: q)) }
        }
        let rows = try Self.transitions(f, [Self.day: events], params: ["transitions_top": 3])
        #expect(rows.filter { $0.hasPrefix("search:t ") } == ["search:t > y 2", "search:t > z 2", "search:t > w 1"])
    }
}
