import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

/// The rerank stage on the outputs of the sessions stage over small hand-built logs.
@Suite struct RerankStageTests {
    static let day = "2026-11-23"
    static func at(_ time: String, _ offset: Int = 0) -> Int64 { SessionsFixture.at(Day.adding(offset, to: day), time) }

    /// One sample row as plain values.
    struct Sample {
        var user: Int64, ts: Int64, variant: String, prompt: [String], target: [String], queries: [String], groups: [Int32]
    }

    /// Runs sessions then rerank; returns the fixture, rerank's context and its samples.
    static func run(threads: Int = 1, label: String = "run", n: Int = 10, fixture: SessionsFixture? = nil) throws -> (SessionsFixture, StageContext, [Sample]) {
        let f = fixture ?? SessionsFixture("rerank")
        if fixture == nil {
            let previous = [
                TestEvent(user: 1, ts: at("20:00:00", -3), type: "item_click", item: 5),
                TestEvent(user: 1, ts: at("21:00:00", -1), type: "search", query: "tent"),
                TestEvent(user: 2, ts: at("21:00:00", -1), type: "search", query: "手机壳"),
            ]
            let today = [
                TestEvent(user: 1, ts: at("08:00:00"), type: "hint_exposure", exposure: "e1", shown: 3, candidates: ["rain coat", "sleeping bag", "kettle"]),
                TestEvent(user: 1, ts: at("08:00:05"), type: "hint_click", query: "sleeping bag", exposure: "e1"),
                TestEvent(user: 1, ts: at("08:00:06"), type: "search", query: "sleeping bag", source: "hint"),
                TestEvent(user: 1, ts: at("08:03:00"), type: "search", query: "zebra unicorn"),
                TestEvent(user: 1, ts: at("08:05:00"), type: "app_exit"),
                TestEvent(user: 2, ts: at("09:00:00"), type: "search", query: "新款 手机"),
            ]
            for offset in [-3, -1] {
                let d = Day.adding(offset, to: day)
                _ = try f.writeEvents(previous.filter { Day.of(millis: $0.ts) == d }, day: d)
            }
            _ = try f.writeEvents(today, day: day)
            _ = try f.writeUsers([(1, "m", 52, 1)], day: day)
            _ = try f.writeItems([(5, 11, "LED Lantern")], day: day)
            _ = try f.writeQueries([("tent", 10), ("sleeping bag", 10), ("lantern", 11), ("camp stove", 12), ("kettle", 13), ("tent pegs", 10)], day: day)
            _ = try f.writeCategories([(1, nil), (10, 1), (11, 1), (12, 1), (13, nil)], day: day)
            _ = try f.writeTransitions(
                [("item:5", "lantern", 4), ("search:tent", "camp stove", 9), ("search:tent", "tent pegs", 3)], day: day)
            let s = f.context(
                kind: SessionsStage.kind, day: day,
                inputs: [
                    "events": f.files(under: f.root + "/data/events"), "users": f.files(under: f.root + "/data/users"),
                    "items": f.files(under: f.root + "/data/items"), "queries": f.files(under: f.root + "/data/queries"),
                ],
                outputs: ["behaviors", "direct_sessions", "think_sessions"], label: "sessions")
            _ = try SessionsStage().run(s)
        }
        let sessions = f.root + "/out/sessions"
        let c = f.context(
            kind: RerankStage.kind, day: day,
            inputs: [
                "direct_sessions": f.files(under: sessions + "/direct_sessions"), "think_sessions": f.files(under: sessions + "/think_sessions"),
                "queries": f.files(under: f.root + "/data/queries"), "categories": f.files(under: f.root + "/data/categories"),
                "transitions": f.files(under: f.root + "/data/transitions"),
            ],
            outputs: ["sft_samples", "vocab"], params: ["n": .int(n)], threads: threads, label: label)
        _ = try RerankStage().run(c)
        let batch = try f.read(c, "sft_samples", schema: DatasetSchemas.sftSamples)
        func lists(_ name: String) throws -> [[String]] {
            let l = try batch.stringLists(name)
            return (0..<batch.rowCount).map { r in (l.offsets[r]..<l.offsets[r + 1]).map { l.elements.string(at: $0) } }
        }
        let (prompts, targets, queries) = (try lists("prompt"), try lists("target"), try lists("queries"))
        let groups = try batch.int32Lists("groups")
        let users = try batch.int64s("user"), ts = try batch.int64s("ts"), variants = try batch.strings("variant")
        let samples = (0..<batch.rowCount).map { r in
            Sample(
                user: users[r], ts: ts[r], variant: variants.string(at: r), prompt: prompts[r], target: targets[r], queries: queries[r],
                groups: Array(groups.elements[groups.offsets[r]..<groups.offsets[r + 1]]))
        }
        return (f, c, samples)
    }

    @Test func directSampleHasPrefixHistoryAndReRankedTarget() throws {
        let (_, _, samples) = try Self.run(n: 3)
        let direct = try #require(samples.first { $0.variant == "direct" })
        #expect(direct.user == 1)
        #expect(direct.prompt == ["<bos>", "<g:m>", "<age:50+>", "<tier:1>", "<b0>", "<t2>", "<click>", "led", "lantern",
                                  "<b1>", "<t1>", "<search>", "tent", "<direct>", "<n3>"])
        #expect(direct.queries == ["sleeping bag", "rain coat", "kettle"])
        #expect(direct.target == ["sleeping", "bag", "<q>", "rain", "coat", "<q>", "kettle", "<q>", "<eos>"])
        #expect(direct.groups == [0, 0, 0])
    }

    @Test func thinkAndPlainSamplesOfAUserDay() throws {
        let (_, _, samples) = try Self.run()
        let mine = samples.filter { $0.user == 1 }
        #expect(mine.map(\.variant) == ["direct", "think", "plain"])
        let think = mine[1]
        // Clicks, searches, exposure candidates, then co-occurrence of the history (camp stove: category
        // 12 matches no recent category; lantern via item:5, tent pegs via search:tent).
        // Re-ranked: sleeping bag, zebra unicorn, rain coat, kettle, lantern, tent pegs; then grouped by
        // the leaf categories the history shares (kettle's category 13 matches no behaviour).
        #expect(think.queries == ["sleeping bag", "tent pegs", "zebra unicorn", "rain coat", "kettle", "lantern"])
        #expect(think.groups == [0, 0, 1, 1, 1, 2])
        #expect(think.target.joined(separator: " ") == "<trig> <b1> </trig> <why> <cat:10> <cat:1> </why> sleeping bag <q> tent pegs <q> "
            + "<trig> </trig> <why> </why> zebra unicorn <q> rain coat <q> kettle <q> <trig> <b0> </trig> <why> <cat:11> <cat:1> </why> lantern <q> <eos>")
        #expect(think.prompt.suffix(2) == ["<think>", "<n6>"])
        let plain = mine[2]
        #expect(plain.queries == ["sleeping bag", "zebra unicorn"])
        #expect(plain.prompt.suffix(2) == ["<direct>", "<n2>"])
        #expect(plain.target == ["sleeping", "bag", "<q>", "zebra", "unicorn", "<q>", "<eos>"])
        // A user unknown to `users`, with CJK text split into characters.
        let other = try #require(samples.first { $0.user == 2 && $0.variant == "plain" })
        #expect(other.prompt == ["<bos>", "<g:u>", "<age:?>", "<tier:?>", "<b0>", "<t1>", "<search>", "手", "机", "壳", "<direct>", "<n1>"])
        #expect(other.target == ["新", "款", "手", "机", "<q>", "<eos>"])
    }

    @Test func noPromptHoldsItsOwnTargetEvents() throws {
        let (_, _, samples) = try Self.run()
        // "zebra unicorn" and "sleeping bag" happen on the day only, at or after every sample's time.
        for sample in samples {
            #expect(!sample.prompt.contains("zebra"), "\(sample.variant) sample of user \(sample.user)")
            #expect(!sample.prompt.contains("sleeping"), "\(sample.variant) sample of user \(sample.user)")
        }
    }

    @Test func samplesAndVocabularyAreDeterministic() throws {
        let (f, one, _) = try Self.run(threads: 1, label: "one")
        let (_, two, _) = try Self.run(threads: 2, label: "two", fixture: f)
        let (a, b) = (try f.outputBytes(one), try f.outputBytes(two))
        #expect(a.count == 3)
        #expect(a == b)
        let vocab = try f.read(one, "vocab", schema: DatasetSchemas.vocab)
        let tokens = try vocab.strings("token")
        #expect((0..<SpecialTokens.fixed.count).map { tokens.string(at: $0) } == SpecialTokens.fixed)
        let kinds = try vocab.strings("kind")
        let all = (0..<tokens.count).map { tokens.string(at: $0) }
        let pairs = (0..<tokens.count).map { kinds.string(at: $0) + " " + tokens.string(at: $0) }
        #expect(pairs.count == Set(pairs).count)  // a word and a character may share their text, not their kind
        #expect(all.contains("<cat:13>") && all.contains("手") && all.contains("sleeping"))
    }
}
