import Columnar
import Foundation
import PipelineCore
@testable import Stages
import Testing

/// Rerank's pieces: target lists, interest groups, serialisation, tokens and the vocabulary.
@Suite struct RerankTests {
    typealias Behaviour = SessionBatch.Behaviour

    static func dimensions() -> RerankDimensions {
        var d = RerankDimensions()
        d.queryCategory = ["tent": 10, "sleeping bag": 10, "tent pegs": 10, "lantern": 11, "camping stove": 12, "mystery": 12]
        d.parent = [10: 1, 11: 1, 12: 2]
        d.categories = [1, 2, 10, 11, 12]
        d.transitions = [
            "search:tent": [("camping stove", 9), ("sleeping bag", 5), ("lantern", 2)],
            "item:5": [("lantern", 4), ("tent pegs", 1)],
        ]
        return d
    }

    static let history = [
        Behaviour(isSearch: true, text: "tent", key: "search:tent", ts: 0, category: 10),
        Behaviour(isSearch: false, text: "LED Lantern", key: "item:5", ts: 1, category: 11),
        Behaviour(isSearch: true, text: "x", key: "search:x", ts: 2, category: 10),
    ]

    @Test func directTargetIsClicksThenCandidatesDistinctAndCut() {
        #expect(TargetLists.direct(clicked: ["b", "a"], candidates: ["a", "c", "b", "d", "e"], n: 3) == ["b", "a", "c"])
        #expect(TargetLists.direct(clicked: ["b", "a"], candidates: ["a", "c", "b", "d", "e"], n: 10) == ["b", "a", "c", "d", "e"])
        #expect(TargetLists.plain(searches: ["s2", "s1", "s2"], n: 10) == ["s2", "s1"])
    }

    @Test func cooccurrenceCandidatesAreSummedAndFilteredByRecentCategories() {
        // camping stove (category 12) matches no recent category; lantern sums 2 + 4.
        #expect(TargetLists.cooccurrence(history: Self.history, dimensions: Self.dimensions()) == ["lantern", "sleeping bag", "tent pegs"])
        #expect(TargetLists.cooccurrence(history: [], dimensions: Self.dimensions()) == [])
    }

    @Test func thinkTargetOrdersClicksSearchesCandidatesThenCooccurrence() {
        let t = TargetLists.think(
            hintClicks: ["h1"], searches: ["h1", "s1"], candidates: ["c1", "s1", "c2"], history: Self.history,
            dimensions: Self.dimensions(), n: 10)
        #expect(t == ["h1", "s1", "c1", "c2", "lantern", "sleeping bag", "tent pegs"])
        let cut = TargetLists.think(
            hintClicks: ["h1"], searches: ["h1", "s1"], candidates: ["c1", "s1", "c2"], history: Self.history,
            dimensions: Self.dimensions(), n: 4)
        #expect(cut == ["h1", "s1", "c1", "c2"])
    }

    @Test func thinkGroupsShareLeafCategoriesAndCarryRationaleTokens() {
        let d = Self.dimensions()
        let groups = TargetLists.groups(["sleeping bag", "lantern", "unknown q", "tent pegs", "mystery"], history: Self.history, dimensions: d)
        #expect(groups == [
            .init(triggers: [0, 2], category: 10, queries: ["sleeping bag", "tent pegs"]),
            .init(triggers: [1], category: 11, queries: ["lantern"]),
            .init(triggers: [], category: nil, queries: ["unknown q", "mystery"]),
        ])
        var s = SampleSerializer()
        let target = s.thinkTarget(groups, dimensions: d).joined(separator: " ")
        #expect(target == "<trig> <b0> <b2> </trig> <why> <cat:10> <cat:1> </why> sleeping bag <q> tent pegs <q> "
            + "<trig> <b1> </trig> <why> <cat:11> <cat:1> </why> lantern <q> <trig> </trig> <why> </why> unknown q <q> mystery <q> <eos>")
    }

    @Test func promptSerialisesProfileBehavioursTaskAndCount() {
        var s = SampleSerializer()
        let day = "2026-11-23"
        let ts = SessionsFixture.at(day, "12:00:00")
        let history = [
            Behaviour(isSearch: false, text: "Trail 跑鞋", key: "item:9", ts: SessionsFixture.at(Day.adding(-9, to: day), "23:00:00"), category: 3),
            Behaviour(isSearch: true, text: "Old  Boots", key: "search:old boots", ts: SessionsFixture.at(Day.adding(-1, to: day), "23:59:59"), category: -1),
        ]
        let prompt = s.prompt(
            profile: .init(gender: "f", age: 31, cityTier: 2), history: history, ts: ts, task: "<direct>", count: 3)
        #expect(prompt == ["<bos>", "<g:f>", "<age:25-34>", "<tier:2>", "<b0>", "<t4>", "<click>", "trail", "跑", "鞋",
                           "<b1>", "<t1>", "<search>", "old", "boots", "<direct>", "<n3>"])
        #expect(s.flatTarget(["a b", "c"]) == ["a", "b", "<q>", "c", "<q>", "<eos>"])
    }

    @Test(arguments: [(0, "<t0>"), (1, "<t1>"), (2, "<t2>"), (3, "<t2>"), (4, "<t3>"), (7, "<t3>"), (8, "<t4>"), (30, "<t4>")])
    func timeBucketsFollowCalendarDays(days: Int, token: String) {
        let sample = SessionsFixture.at("2026-11-23", "00:00:01")
        let behaviour = SessionsFixture.at(Day.adding(-days, to: "2026-11-23"), "23:59:59")
        #expect(SpecialTokens.timeBucket(sampleTs: sample, behaviourTs: behaviour) == token)
    }

    @Test func profileTokens() {
        #expect(SpecialTokens.gender("m") == "<g:m>")
        #expect(SpecialTokens.gender("x") == "<g:u>")
        #expect([nil, 18, 25, 34, 35, 49, 50].map { SpecialTokens.age($0) } == ["<age:?>", "<age:<25>", "<age:25-34>", "<age:25-34>", "<age:35-49>", "<age:35-49>", "<age:50+>"])
        #expect([nil, 0, 1, 5, 6].map { SpecialTokens.tier($0) } == ["<tier:?>", "<tier:?>", "<tier:1>", "<tier:5>", "<tier:?>"])
        #expect(SpecialTokens.fixed.count == Set(SpecialTokens.fixed).count)
        #expect(SpecialTokens.fixed.prefix(5) == ["<bos>", "<eos>", "<pad>", "<unk>", "<q>"])
    }

    @Test func cjkTextSplitsIntoSingleCharacters() {
        #expect(WordTokenizer.words("iphone手机壳 新款") == ["iphone", "手", "机", "壳", "新", "款"])
        #expect(WordTokenizer.words("  Ｗaterproof   Boots ") == ["waterproof", "boots"])
        #expect(WordTokenizer.words("防水 boots2件") == ["防", "水", "boots2", "件"])
        #expect(WordTokenizer.words("") == [])
    }

    @Test func vocabularyListsSpecialsThenWordsByCountThenCharacters() {
        var rows = SampleRows()
        rows.append(user: 1, ts: 0, variant: .direct, prompt: ["<bos>", "boots", "tent", "<cat:7>"], target: ["boots", "<q>", "ab", "<eos>"], queries: [], groups: [])
        rows.append(user: 2, ts: 0, variant: .direct, prompt: ["<bos>", "tent", "boots", "zz"], target: ["跑", "<q>", "<eos>"], queries: [], groups: [])
        var v = VocabularyBuilder()
        v.add(rows)
        let out = v.rows(categories: [3, 1], minCount: 2)
        let fixed = SpecialTokens.fixed.count
        #expect(out.prefix(fixed).map(\.token) == SpecialTokens.fixed)
        #expect(out.prefix(fixed).allSatisfy { $0.kind == "special" })
        #expect(out.first { $0.token == "<bos>" }?.count == 2)
        #expect(out.first { $0.token == "<q>" }?.count == 2)
        let rest = Array(out.dropFirst(fixed))
        #expect(rest.map(\.token) == [
            "<cat:1>", "<cat:3>", "<cat:7>", "boots", "tent",
            "##o", "##t", "##s", "b", "##e", "##n", "t", "##b", "##z", "a", "z", "跑",
        ])
        #expect(rest.map(\.kind) == ["special", "special", "special", "word", "word"] + Array(repeating: "char", count: 12))
        #expect(rest.map(\.count) == [0, 0, 1, 3, 2, 6, 5, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1])
        // "ab", "zz" and "跑" are below min_count: only their characters are listed, a word's first
        // character as itself and the later ones as ##c (counted once per occurrence of every word).
    }
}
