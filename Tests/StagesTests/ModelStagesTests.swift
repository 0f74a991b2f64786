import Columnar
import Foundation
import LanguageModel
import PipelineCore
@testable import Stages
import Testing

/// The sft and direct stages on a small learnable world: each user's history names one of a few
/// topics; the targets are that topic's queries. A model that reads the prompt can learn this; a
/// unigram model of the targets cannot.
@Suite struct ModelStagesTests {
    static let day = "2026-11-23"
    static let topics: [(words: [String], queries: [String])] = (0..<6).map { t in
        (["w\(t)a", "w\(t)b", "w\(t)c"], ["q\(t) one", "q\(t) two", "q\(t) three"])
    }
    static let users: [Int64] = Array(1...240)
    static func topic(of user: Int64) -> Int { Int(user % 6) }

    /// The prompt the direct stage builds for a `behaviors` row with these searches (count n).
    static func prompt(_ texts: [String], n: Int, task: String = "<direct>") -> [String] {
        var out = ["<bos>", "<g:u>", "<age:?>", "<tier:?>"]
        for (i, text) in texts.enumerated() { out += ["<b\(i)>", "<t1>", "<search>"] + text.split(separator: " ").map(String.init) }
        return out + [task, "<n\(n)>"]
    }

    static func history(of user: Int64) -> [String] {
        let words = topics[topic(of: user)].words
        return [words[Int(user) % 3], words[(Int(user) + 1) % 3] + " " + words[(Int(user) + 2) % 3]]
    }

    /// Writes sft_samples, vocab, behaviors and queries of the world into `f`.
    static func writeWorld(_ f: SessionsFixture) throws {
        var samples = BatchBuilder(DatasetSchemas.sftSamples)
        for user in users {
            let queries = topics[topic(of: user)].queries
            for variant in ["direct", "plain"] {
                samples["user"].append(int64: user)
                samples["ts"].append(int64: SessionsFixture.at(day, "10:00:00"))
                samples["variant"].append(string: variant)
                samples["prompt"].append(strings: prompt(history(of: user), n: 3))
                samples["target"].append(strings: queries.flatMap { $0.split(separator: " ").map(String.init) + ["<q>"] } + ["<eos>"])
                samples["queries"].append(strings: queries)
                samples["groups"].append(int32s: [0, 0, 0])
            }
        }
        try DatasetFiles.write(try samples.build(), to: f.root + "/data/sft_samples/dt=\(day)/bucket=000/part-00000.parquet")

        var vocab = BatchBuilder(DatasetSchemas.vocab)
        let words = Set(topics.flatMap { $0.words + $0.queries.flatMap { $0.split(separator: " ").map(String.init) } }).sorted()
        for (token, kind) in SpecialTokens.fixed.map({ ($0, "special") }) + words.map({ ($0, "word") }) {
            vocab["token"].append(string: token)
            vocab["kind"].append(string: kind)
            vocab["count"].append(int64: 1)
        }
        try DatasetFiles.write(try vocab.build(), to: f.root + "/data/vocab/dt=\(day)/part-00000.parquet")

        var behaviors = BatchBuilder(DatasetSchemas.behaviors)
        let ts = SessionsFixture.at(Day.adding(1, to: day))
        for user in users {
            let texts = history(of: user)
            behaviors["user"].append(int64: user)
            behaviors["ts"].append(int64: ts)
            behaviors["gender"].append(string: "u")
            behaviors["age"].appendNull()
            behaviors["city_tier"].appendNull()
            behaviors["h_kind"].append(strings: texts.map { _ in "search" })
            behaviors["h_text"].append(strings: texts)
            behaviors["h_key"].append(strings: texts.map { "search:" + $0 })
            behaviors["h_ts"].append(int64s: texts.map { _ in ts - 3_600_000 })
            behaviors["h_category"].append(int64s: texts.map { _ in -1 })
        }
        try DatasetFiles.write(try behaviors.build(), to: f.root + "/data/behaviors/dt=\(day)/bucket=000/part-00000.parquet")
        _ = try f.writeQueries(topics.flatMap(\.queries).map { ($0, 1) }, day: day)
    }

    static let modelParams: [String: ParamValue] = [
        "models": .string("direct_il_sft,direct_sft"), "channels": .int(32), "layers": .int(2), "heads": .int(2),
        "context": .int(48), "steps": .int(150), "batch": .int(16), "lr": .double(3e-3), "holdout": .double(0.1),
        "min_days": .int(1),
    ]

    static func sftContext(_ f: SessionsFixture, label: String, params: [String: ParamValue] = [:], previous: [String] = [], threads: Int = 1) -> StageContext {
        f.context(
            kind: SFTStage.kind, day: day,
            inputs: [
                "sft_samples": f.files(under: f.root + "/data/sft_samples"), "vocab": f.files(under: f.root + "/data/vocab"),
                "model_sft": previous,
            ],
            outputs: ["model_sft"], params: modelParams.merging(params) { $1 }, threads: threads, label: label)
    }

    static func modelFiles(_ context: StageContext) -> [String] {
        let folder = context.outputFolders["model_sft"]!
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    static func trainingLog(_ context: StageContext, _ model: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: context.outputFolders["model_sft"]! + "/\(model).training.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func sftLearnsBelowTheUnigramBarAndIsDeterministic() throws {
        let f = SessionsFixture("sft")
        try Self.writeWorld(f)
        let first = Self.sftContext(f, label: "a")
        _ = try SFTStage().run(first)
        let log = try Self.trainingLog(first, "direct_il_sft")
        let after = try #require(log["held_out_loss_after"] as? Double)
        let before = try #require(log["held_out_loss_before"] as? Double)
        let unigram = try #require(log["unigram_loss"] as? Double)
        #expect(after < unigram * 0.5, "held-out \(after) vs unigram \(unigram)")
        #expect(after < before)
        #expect((log["curve"] as? [[Double]])?.isEmpty == false)
        #expect(log["warm_start"] as? String == "fresh start")

        let second = Self.sftContext(f, label: "b", threads: 2)  // the two models train side by side
        _ = try SFTStage().run(second)
        for name in ["direct_il_sft.ckpt", "direct_il_sft.training.json", "direct_sft.ckpt"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.outputFolders["model_sft"]! + "/" + name))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.outputFolders["model_sft"]! + "/" + name))
            #expect(a == b, "\(name) differs between runs")
        }
        let seeded = Self.sftContext(f, label: "c", params: ["seed": .int(2), "steps": .int(5)])
        _ = try SFTStage().run(seeded)
        let c = try Data(contentsOf: URL(fileURLWithPath: seeded.outputFolders["model_sft"]! + "/direct_il_sft.ckpt"))
        let a = try Data(contentsOf: URL(fileURLWithPath: first.outputFolders["model_sft"]! + "/direct_il_sft.ckpt"))
        #expect(a != c)
    }

    @Test func sftWarmStartsFromYesterdaysCheckpoint() throws {
        let f = SessionsFixture("sft-warm")
        try Self.writeWorld(f)
        let yesterday = Self.sftContext(f, label: "y")
        _ = try SFTStage().run(yesterday)
        let today = Self.sftContext(f, label: "t", params: ["warm_steps": .int(3)], previous: Self.modelFiles(yesterday))
        _ = try SFTStage().run(today)
        let log = try Self.trainingLog(today, "direct_il_sft")
        #expect((log["warm_start"] as? String)?.hasPrefix("warm start") == true)
        #expect(log["steps"] as? Int == 3)
        #expect(log["total_steps"] as? Int == 153)
        // Starting from a trained model, the held-out loss is already low before today's steps.
        let before = try #require(log["held_out_loss_before"] as? Double)
        #expect(before < (log["unigram_loss"] as? Double ?? 0) * 0.5)
    }

    @Test(arguments: ["beam", "sample"])
    func directGeneratesEachUsersTopicAndIsDeterministic(decode: String) throws {
        let f = SessionsFixture("direct-" + decode)
        try Self.writeWorld(f)
        let sft = Self.sftContext(f, label: "sft")
        _ = try SFTStage().run(sft)
        func direct(_ label: String, threads: Int, batch: Int) throws -> StageContext {
            let c = f.context(
                kind: DirectStage.kind, day: Self.day,
                inputs: [
                    "behaviors": f.files(under: f.root + "/data/behaviors"), "model_sft": Self.modelFiles(sft),
                    "queries": f.files(under: f.root + "/data/queries"),
                ],
                outputs: ["u2q", "u2q_direct_il_sft", "u2q_direct_sft"],
                params: [
                    "models": .string("direct_il_sft,direct_sft"), "n": .int(3), "k": .int(5), "batch": .int(batch), "samples": .int(4),
                    "temperature": .double(0.8), "decode": .string(decode),
                ],
                threads: threads, label: label)
            _ = try DirectStage().run(c)
            return c
        }
        let a = try direct("a", threads: 1, batch: 7)
        let rows = try f.read(a, "u2q", schema: DatasetSchemas.u2qGenerated)
        let users = try rows.int64s("user"), queries = try rows.strings("query"), known = try rows.bools("known")
        var lists: [Int64: [String]] = [:]
        for r in 0..<rows.rowCount { lists[users[r], default: []].append(queries.string(at: r)) }
        #expect(lists[-1] != nil, "the default list")
        var hits = 0
        for user in Self.users {
            let list = lists[user] ?? []
            #expect(Set(list).count == list.count, "duplicates in \(list)")
            // A sampled list holds the topic's queries; a beam ranks first queries, and the topic's lists start with its first.
            let topic = Self.topics[Self.topic(of: user)].queries
            if decode == "beam" ? list.first == topic[0] : Set(list.prefix(3)) == Set(topic) { hits += 1 }
        }
        #expect(hits >= Self.users.count * 9 / 10, "\(hits) of \(Self.users.count) users got their topic's queries first")
        #expect((0..<rows.rowCount).allSatisfy { known[$0] }, "constrained generation makes only known queries")
        let b = try direct("b", threads: 2, batch: 32)
        #expect(try f.outputBytes(a) == f.outputBytes(b))
    }

    @Test func nothingIsTrainedBeforeTheWindowHoldsMinDays() throws {
        let f = SessionsFixture("sft-min-days")
        try Self.writeWorld(f)
        let sft = Self.sftContext(f, label: "sft", params: ["min_days": .int(7)])
        #expect(try SFTStage().run(sft).rowsOut == 0)
        #expect(Self.modelFiles(sft).map { ($0 as NSString).lastPathComponent } == [SFTStage.notTrainedFile])
        let c = f.context(
            kind: DirectStage.kind, day: Self.day,
            inputs: [
                "behaviors": f.files(under: f.root + "/data/behaviors"), "model_sft": Self.modelFiles(sft),
                "queries": f.files(under: f.root + "/data/queries"),
            ],
            outputs: ["u2q", "u2q_direct_il_sft", "u2q_direct_sft", "u2q_think_il_sft"], label: "direct")
        #expect(try DirectStage().run(c).rowsOut == 0)
        #expect(try f.outputBytes(c).isEmpty)
    }

    @Test func promptCompressionKeepsTheNewestBehavioursAndTheirTriggers() {
        let prompt = Self.prompt(["a b c d e", "f g", "h i j"], n: 3, task: "<think>")
        let compression = PromptCompression(behaviours: 2, words: 2)
        #expect(
            compression.compress(prompt)
                == ["<bos>", "<g:u>", "<age:?>", "<tier:?>", "<b1>", "<t1>", "<search>", "f", "g", "<b2>", "<t1>", "<search>", "h", "i", "<think>", "<n3>"])
        let kept = PromptCompression.indices(in: compression.compress(prompt))
        #expect(
            PromptCompression.dropMissingTriggers(["<trig>", "<b0>", "<b2>", "</trig>", "<why>", "</why>", "x", "<q>", "<eos>"], kept: kept)
                == ["<trig>", "<b2>", "</trig>", "<why>", "</why>", "x", "<q>", "<eos>"])
        #expect(compression.compress(prompt, keep: 0) == ["<bos>", "<g:u>", "<age:?>", "<tier:?>", "<think>", "<n3>"])
    }

    @Test func queryDecodingReadsFlatAndThinkOutputs() throws {
        let tokens = SpecialTokens.fixed + ["<cat:3>"] + ["red", "shoes", "iphone", "手", "机", "壳"] + ["s", "##h", "##o"]
        let kinds: [Vocabulary.Kind] =
            Array(repeating: .special, count: SpecialTokens.fixed.count + 1) + Array(repeating: .word, count: 6) + [.char, .char, .char]
        let vocabulary = try Vocabulary(tokens: tokens, kinds: kinds)
        let decoder = QueryDecoding(vocabulary: vocabulary)
        let id = { (token: String) -> Int32 in Int32(tokens.firstIndex(of: token)!) }
        let output = ["<trig>", "<b1>", "</trig>", "<why>", "<cat:3>", "</why>", "iphone", "手", "机", "壳", "<q>", "s", "##h", "##o", "<q>", "<q>", "red", "shoes", "<eos>", "red"]
        let decoded = decoder.queries(output.map(id))
        #expect(decoded.queries == ["iphone手机壳", "sho", "red shoes"])
        #expect(decoded.complete)
        let cut = decoder.queries(["red", "<q>", "shoes"].map(id))
        #expect(cut.queries == ["red"] && !cut.complete)
    }

    @Test func knownQueriesReadBackAsTheirOwnText() throws {
        // The word tokenizer splits "手机 壳" and "手 机壳" alike; only the known query's own text says where the space was.
        let tokens = SpecialTokens.fixed + ["iphone", "手", "机", "壳"]
        let vocabulary = try Vocabulary(
            tokens: tokens, kinds: Array(repeating: .special, count: SpecialTokens.fixed.count) + Array(repeating: .word, count: 4))
        let id = { (token: String) -> Int32 in Int32(tokens.firstIndex(of: token)!) }
        var encoder = TokenEncoder(vocabulary: vocabulary)
        let known = ["iphone 手机 壳", "手机"]
        let spelling = Dictionary(uniqueKeysWithValues: known.map { (encoder.encode(WordTokenizer.words($0)), $0) })
        #expect(spelling.keys.contains(["iphone", "手", "机", "壳"].map(id)))
        let decoder = QueryDecoding(vocabulary: vocabulary, spelling: spelling)
        let output = ["iphone", "手", "机", "壳", "<q>", "手", "机", "<q>", "机", "壳", "<eos>"].map(id)
        #expect(decoder.queries(output).queries == ["iphone 手机 壳", "手机", "机壳"])
        #expect(QueryDecoding(vocabulary: vocabulary).queries(output).queries == ["iphone手机壳", "手机", "机壳"])
    }

    @Test func listFusionRanksByReciprocalRank() {
        let fused = ListFusion.fuse([["a", "b", "c"], ["b", "a", "d"], ["b", "e", "b"]], k: 4)
        #expect(fused.map(\.query) == ["b", "a", "e", "c"])  // 2.5, 1.5, 1/2, 1/3 (c before d: first seen)
        #expect(abs(fused[0].score - 2.5) < 1e-12)
    }

    @Test func rerankVocabularyLoadsAndSpellsUnseenWords() throws {
        let (f, rerank, _) = try RerankStageTests.run()
        let vocabulary = try VocabularyFile.read(f.files(under: rerank.outputFolders["vocab"]!))
        let tokenizer = Tokenizer(vocabulary: vocabulary)
        #expect(tokenizer.hasContinuations)
        let first = try #require(vocabulary.entries.first { $0.kind == .char && !$0.token.hasPrefix("##") }).token
        let next = try #require(vocabulary.entries.first { $0.kind == .char && $0.token.hasPrefix("##") }).token.dropFirst(2)
        let unseen = first + next + next + next
        #expect(vocabulary.id(of: unseen, kind: .word) == nil)
        let ids = tokenizer.encode("sleeping bag \(unseen) <q>")
        #expect(ids.count == 2 + 4 + 1)
        #expect(tokenizer.decode(ids) == "sleeping bag \(unseen) <q>")
        #expect(try TokenEncoder(vocabulary: vocabulary).special("<eos>") == 1)
    }
}
