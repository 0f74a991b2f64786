import Columnar
import Foundation
import PipelineCore
import Testing
@testable import Stages

/// ``CTRScorer`` on a model the ctr stage trained on generated logs.
@Suite struct CTRScorerTests {
    /// The fixture, its last day, the scorer of that day's model, and two leaves of different
    /// parents with their queries (most first).
    struct Trained {
        var fixture: CTRFixture
        var day: String
        var scorer: CTRScorer
        var leaves: [(leaf: Int64, queries: [String])]
        var modelFiles: [String]
    }

    static func trained() throws -> Trained {
        let f = try CTRFixture(users: 400)
        let day = f.days.last!
        let context = f.ctrContext(day: day)
        _ = try CTRStage().run(context)
        let modelFiles = CTRFixture.files(under: context.outputFolders["model_ctr"]!)
        let queryFiles = CTRFixture.files(under: f.partition("queries", day))
        let categoryFiles = CTRFixture.files(under: f.partition("categories", day))
        let scorer = try CTRScorer(modelFiles: modelFiles, queries: queryFiles, categories: categoryFiles)
        let q = try DatasetFiles.readAll(queryFiles, schema: DatasetSchemas.queries)
        let texts = try q.optionalStrings("query"), leaves = try q.optionalInt64s("category")
        var byLeaf: [Int64: [String]] = [:]
        for i in texts.indices { if let leaf = leaves[i], let text = texts[i] { byLeaf[leaf, default: []].append(text) } }
        let dimensions = try CTRDimensions(queries: [], items: [], categories: categoryFiles)
        let ranked = byLeaf.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let first = ranked[0]
        let second = try #require(ranked.first { dimensions.parent(of: $0.key) != dimensions.parent(of: first.key) })
        return Trained(
            fixture: f, day: day, scorer: scorer, leaves: [(first.key, first.value.sorted()), (second.key, second.value.sorted())],
            modelFiles: modelFiles)
    }

    /// A user who searched four queries of `leaf` in the two hours before `time`.
    static func state(_ t: Trained, searching leaf: (leaf: Int64, queries: [String]), at time: Int64) -> CTRScorer.UserState {
        let texts = Array(leaf.queries.suffix(4))
        return t.scorer.userState(
            kinds: texts.map { _ in "search" }, texts: texts, categories: texts.map { _ in leaf.leaf },
            times: texts.indices.map { time - 7_200_000 + Int64($0) * 1_800_000 }, time: time)
    }

    @Test func prefersQueriesOfTheUsersRecentLeaf() throws {
        let t = try Self.trained()
        let time = Day.startMillis(Day.adding(1, to: t.day)) + 10 * 3_600_000
        let a = t.leaves[0], b = t.leaves[1]
        let userA = Self.state(t, searching: a, at: time), userB = Self.state(t, searching: b, at: time)
        let queries = [a.queries[0], b.queries[0]]
        let scoresA = t.scorer.score(userA, queries: queries, positions: [0, 0])
        let scoresB = t.scorer.score(userB, queries: queries, positions: [0, 0])
        // The same query (the same popularity) scores higher for the user whose recent leaf it is.
        #expect(scoresA[0] > scoresB[0] * 1.5, "\(scoresA) \(scoresB)")
        #expect(scoresB[1] > scoresA[1] * 1.5, "\(scoresA) \(scoresB)")
        // And each user prefers their own leaf's query to the other one.
        #expect(scoresA[0] > scoresA[1])
        #expect(scoresB[1] > scoresB[0])
        for p in scoresA + scoresB { #expect(p > 0 && p < 1) }
    }

    @Test func laterPositionsScoreLowerAndPastTheLastTrainedOneCountAsIt() throws {
        let t = try Self.trained()
        let time = Day.startMillis(Day.adding(1, to: t.day)) + 10 * 3_600_000
        let user = Self.state(t, searching: t.leaves[0], at: time)
        let q = t.leaves[0].queries[0]
        let scores = t.scorer.score(user, queries: [q, q, q, q, q], positions: [0, 1, 2, 3, 9])
        #expect(scores[0] > scores[1] && scores[1] > scores[2])
        #expect(scores[3] == scores[2] && scores[4] == scores[2])
        // The default positions are the list order.
        #expect(t.scorer.score(user, queries: [q, q]) == [scores[0], scores[1]])
    }

    @Test func anUnseenQueryTakesItsLeafFromQueries() throws {
        let t = try Self.trained()
        let time = Day.startMillis(Day.adding(1, to: t.day)) + 10 * 3_600_000
        let a = t.leaves[0]
        // A query no log has: with `queries` placing it in the user's leaf, and without.
        let fresh = "zz never searched query"
        let sf = SessionsFixture("ctr-fresh")
        let queries = try sf.writeQueries([(fresh, a.leaf)], day: t.day)
        let categories = CTRFixture.files(under: t.fixture.partition("categories", t.day))
        let placed = try CTRScorer(modelFiles: t.modelFiles, queries: queries, categories: categories)
        let known = placed.score(placed.userState(kinds: ["search"], texts: [a.queries[0]], categories: [a.leaf], times: [time - 60_000], time: time), queries: [fresh])
        let unknown = t.scorer.score(t.scorer.userState(kinds: ["search"], texts: [a.queries[0]], categories: [a.leaf], times: [time - 60_000], time: time), queries: [fresh])
        #expect(known[0] > unknown[0])
        #expect(unknown[0] > 0 && unknown[0] < 1)
    }

    @Test func scoresBehaviorsRows() throws {
        let t = try Self.trained()
        let a = t.leaves[0]
        var b = BatchBuilder(DatasetSchemas.behaviors)
        let ts = Day.startMillis(Day.adding(1, to: t.day))
        for (user, leaf) in [(Int64(1), a), (Int64(2), t.leaves[1])] {
            b["user"].append(int64: user)
            b["ts"].append(int64: ts)
            b["gender"].append(string: "u")
            b["age"].appendNull()
            b["city_tier"].appendNull()
            b["h_kind"].append(strings: ["click", "search"])
            b["h_text"].append(strings: ["Some Item", leaf.queries[0]])
            b["h_key"].append(strings: ["item:5", "search:" + leaf.queries[0]])
            b["h_ts"].append(int64s: [ts - 3_600_000, ts - 600_000])
            b["h_category"].append(int64s: [leaf.leaf, leaf.leaf])
        }
        let states = try t.scorer.userStates(try b.build())
        #expect(states.count == 2)
        #expect(states[0].time == ts)
        let scores = states.map { t.scorer.score($0, queries: [a.queries[1]]) }
        #expect(scores[0][0] > scores[1][0])
    }

    @Test func aPartitionWithoutTheModelIsRefusedNamingTheFile() throws {
        #expect { try CTRScorer(modelFiles: ["/w/models/ctr/dt=2026-11-23/report.json"], queries: [], categories: []) } throws: { error in
            (error as? StageError)?.code == .badInput && "\(error)".contains("'ctr.json'") && "\(error)".contains("run the ctr stage")
        }
    }
}
