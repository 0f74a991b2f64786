import Columnar
import Foundation
import Kernels
import LanguageModel
public import PipelineCore

/// `direct` (per day): AIGQ-Direct batch generation (spec §2, §6): for every user of the day's
/// `behaviors` (their history as of the end of the day) and for the default user `-1` (an empty
/// history, unknown profile), each model of `models` makes a ranked list of up to `k` distinct queries.
/// Direct models list their `k` most likely first queries (beam search over the trie of known queries,
/// `decode: beam`) or fuse `samples` sampled lists (``ListFusion``, `decode: sample`); a Think model's
/// output carries trigger groups before each group's queries, so it always samples.
///
/// Outputs: `u2q_<model>` per model (for evaluation) and `u2q`, the served table, made by the model
/// named in `serve`; rows carry `known` (the query is in the day's `queries`) beside the u2q columns.
/// Inputs: `behaviors` (day D), `model_sft` (day D), `queries` (day D). Each user's lists depend only
/// on their prompt, the model and the seed, so the result is the same at any batch size and thread count.
public struct DirectStage: Stage {
    /// The kind `direct`.
    public static let kind = StageKindInfo(
        name: "direct", codeVersion: 3,
        params: [
            ParamSpec("models", .string, default: "direct_il_sft,direct_sft,think_il_sft", description: "Models to generate with, each into u2q_<model>."),
            ParamSpec("serve", .string, default: "direct_il_sft", description: "The model whose lists become the served u2q table."),
            ParamSpec("k", .int, default: 30, description: "Queries per user in the tables."),
            ParamSpec("n", .int, default: 10, description: "Queries asked for in the prompt (its count token); a sampled list has up to n."),
            ParamSpec("samples", .int, default: 2, description: "Lists sampled per user and model, fused into one (Think, or decode: sample)."),
            ParamSpec("temperature", .double, default: 0.8, description: "Sampling temperature."),
            ParamSpec("top_k", .int, default: 50, description: "Sampling from the k most likely tokens."),
            ParamSpec("batch", .int, default: 128, description: "Users per generation batch."),
            ParamSpec("constrain", .bool, default: true, description: "Direct models generate only known queries (those of the day's queries snapshot), through a token trie."),
            ParamSpec("seed", .int, default: 1, description: "Seed of every user's sampling (Think, decode: sample); a beam search draws nothing."),
            ParamSpec("decode", .string, default: "beam", description: "How Direct models make a list: 'beam' (the k most likely first queries, beam search of width k) or 'sample' (samples lists fused); Think models always sample."),
        ],
        description: "AIGQ-Direct: every active user's generated hint list (u2q), and the ablation models' lists (spec §6).")

    /// The stage.
    public init() {}

    /// Generates the day's lists.
    public func run(_ context: StageContext) throws -> StageResult {
        _ = try context.requireDay()
        let models = try ModelVariant.list(context.stringParam("models"), param: "models")
        let serveName = try context.stringParam("serve")
        guard let serve = ModelVariant(rawValue: serveName), models.contains(serve) else {
            throw StageError(.badParam, "param 'serve' is '\(serveName)'; name one of the generated models: \(models.map(\.rawValue).joined(separator: ", "))")
        }
        let options = try GenerationSettings(context)
        Workers.count = max(1, context.threads)
        let log = TaskLog(context)

        var prompts: [(user: Int64, history: [SessionBatch.Behaviour], profile: SessionDimensions.Profile, ts: Int64)] = []
        for path in DatasetFiles.parquet(context.files(of: "behaviors")).sorted() {
            for batch in try DatasetFiles.read(path, schema: DatasetSchemas.behaviors) {
                let rows = try SessionBatch(batch)
                for row in 0..<rows.count { prompts.append((rows.user[row], rows.history(row), rows.profile(row), rows.ts[row])) }
            }
        }
        prompts.sort { $0.user < $1.user }
        let defaultTs = prompts.first?.ts ?? 0
        prompts.insert((-1, [], SessionDimensions.Profile.unknown, defaultTs), at: 0)
        let known = try Self.knownQueries(context.files(of: "queries"))

        var rowsOut = 0
        let modelFiles = context.files(of: "model_sft")
        if modelFiles.contains(where: { ($0 as NSString).lastPathComponent == SFTStage.notTrainedFile }) {
            log.line("no lists: the sft stage has not trained its models yet (\(SFTStage.notTrainedFile))", force: true)
            return StageResult(rowsIn: prompts.count - 1, rowsOut: 0)
        }
        for variant in models {
            let trained = try TrainedModel.load(variant, files: modelFiles, dataset: "model_sft")
            let started = Date()
            let lists = try generate(
                variant, trained: trained, prompts: prompts.map { ($0.user, $0.history, $0.profile, $0.ts) }, options: options,
                known: known, constrain: options.constrain && variant != .thinkILSFT, log: log)
            var rows = GeneratedRows()
            var validLists = 0
            for (prompt, list) in zip(prompts, lists) {
                rows.append(user: prompt.user, list, known: known)
                if !list.isEmpty { validLists += 1 }
            }
            let folders = ["u2q_" + variant.rawValue] + (variant == serve ? ["u2q"] : [])
            for dataset in folders { rowsOut += try rows.write(into: try context.outputFolder(dataset)) }
            log.line(
                "\(variant.rawValue): \(prompts.count) users, \(validLists) non-empty lists, \(rows.count) rows "
                    + "(\(rows.knownCount) known) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s", force: true)
        }
        return StageResult(rowsIn: prompts.count - 1, rowsOut: rowsOut)
    }

    /// Every user's fused list from `trained`.
    private func generate(
        _ variant: ModelVariant, trained: TrainedModel,
        prompts: [(Int64, [SessionBatch.Behaviour], SessionDimensions.Profile, Int64)], options: GenerationSettings,
        known: Set<String>, constrain: Bool, log: TaskLog
    ) throws -> [[(query: String, score: Double)]] {
        var serializer = SampleSerializer()
        var encoder = TokenEncoder(vocabulary: trained.vocabulary)
        // Known queries by their tokens: generated tokens read back as the query's own text (the word
        // tokenizer splits CJK into characters, so the text alone cannot say where a space was).
        let encoded = known.sorted().map { ($0, encoder.encode(WordTokenizer.words($0))) }
        let decoder = QueryDecoding(
            vocabulary: trained.vocabulary,
            spelling: Dictionary(encoded.map { ($0.1, $0.0) }, uniquingKeysWith: { first, _ in first }))
        let context = trained.model.config.contextLength
        // Tokens the answer needs (about 5 per query, more with Think's groups), at most half the context.
        let room = min(context / 2, variant == .thinkILSFT ? 8 * options.n + 16 : 5 * options.n + 6)
        let eos = try encoder.special("<eos>")
        let constraint = constrain ? TokenTrie(sequences: encoded.map(\.1), separators: [try encoder.special("<q>"), eos]) : nil
        var requests: [GenerationRequest] = []
        for (user, history, profile, ts) in prompts {
            let full = serializer.prompt(profile: profile, history: history, ts: ts, task: variant.taskToken, count: options.n)
            var keep = trained.compression.behaviours
            var ids = encoder.encode(trained.compression.compress(full, keep: keep))
            while ids.count > context - room && keep > 0 {
                keep -= 1
                ids = encoder.encode(trained.compression.compress(full, keep: keep))
            }
            requests.append(GenerationRequest(prompt: ids, seed: Self.seed(user: user, seed: options.seed)))
        }
        if options.decode == .beam && variant != .thinkILSFT {
            return try beamLists(
                variant, model: trained.model, requests: requests, options: options, constraint: constraint,
                encoder: &encoder, decoder: decoder, log: log)
        }
        let cache = KVCache(config: trained.model.config, slots: options.batch * options.samples)
        var out: [[(query: String, score: Double)]] = []
        out.reserveCapacity(requests.count)
        var start = 0
        while start < requests.count {
            let chunk = Array(requests[start..<min(start + options.batch, requests.count)])
            let longest = chunk.map(\.prompt.count).max() ?? 0
            let sampling = SamplingOptions(
                temperature: Float(options.temperature), topK: options.topK, maxNewTokens: max(1, context - longest), stopTokens: [eos])
            let generated = try trained.model.generate(
                chunk, options: sampling, constraint: constraint, samples: options.samples, cache: cache)
            for r in chunk.indices {
                let lists = (0..<options.samples).map { decoder.queries(generated[r * options.samples + $0]).queries }
                out.append(ListFusion.fuse(lists, k: options.k))
            }
            start += chunk.count
            log.line("\(variant.rawValue): \(start)/\(requests.count) users")
        }
        return out
    }

    /// Every user's `k` most likely first queries (beam search of width `k`, users batched).
    private func beamLists(
        _ variant: ModelVariant, model: Transformer, requests: [GenerationRequest], options: GenerationSettings,
        constraint: TokenTrie?, encoder: inout TokenEncoder, decoder: QueryDecoding, log: TaskLog
    ) throws -> [[(query: String, score: Double)]] {
        let stops: Set<Int32> = [try encoder.special("<q>"), try encoder.special("<eos>")]
        let search = BeamSearchOptions(beamWidth: options.k, maxNewTokens: (constraint?.longestSequence ?? 15) + 1, stopTokens: stops)
        // Users per model call: the cache holds each user's prompt and 2·k beams (at most ~1 000 slots).
        let users = max(1, min(options.batch, 1024 / Transformer.beamSearchSlots(prompts: 1, beamWidth: options.k)))
        let cache = KVCache(config: model.config, slots: Transformer.beamSearchSlots(prompts: users, beamWidth: options.k))
        var out: [[(query: String, score: Double)]] = []
        out.reserveCapacity(requests.count)
        var start = 0
        while start < requests.count {
            let chunk = requests[start..<min(start + users, requests.count)]
            for hypotheses in try model.beamSearch(prompts: chunk.map(\.prompt), options: search, constraint: constraint, cache: cache) {
                var seen = Set<String>()
                var list: [(query: String, score: Double)] = []
                for hypothesis in hypotheses where hypothesis.finished {
                    guard let query = decoder.queries(hypothesis.tokens).queries.first, seen.insert(query).inserted else { continue }
                    list.append((query, Double(hypothesis.logProbability)))
                }
                out.append(list)
            }
            start += chunk.count
            log.line("\(variant.rawValue): \(start)/\(requests.count) users")
        }
        return out
    }

    /// A user's generation seed.
    static func seed(user: Int64, seed: Int) -> UInt64 {
        SFTExamples.userHash(user ^ Int64(seed) &* 0x5851_F42D_4C95_7F2D)
    }

    /// The normalised queries of the `queries` snapshot.
    static func knownQueries(_ files: [String]) throws -> Set<String> {
        var out = Set<String>()
        for path in DatasetFiles.parquet(files) {
            for batch in try DatasetFiles.read(path, schema: Schema([Field("query", .string, nullable: false)])) {
                let queries = try batch.strings("query")
                for row in 0..<batch.rowCount { out.insert(queries.string(at: row)) }
            }
        }
        return out
    }
}

/// The generation params, checked.
struct GenerationSettings {
    let k: Int, n: Int, samples: Int, topK: Int, batch: Int, seed: Int
    let temperature: Double
    let constrain: Bool
    let decode: Decoding

    /// How a Direct model's list is made.
    enum Decoding: String { case beam, sample }

    init(_ context: StageContext) throws {
        k = try context.intParam("k")
        n = try context.intParam("n")
        samples = try context.intParam("samples")
        topK = try context.intParam("top_k")
        batch = try context.intParam("batch")
        seed = try context.intParam("seed")
        temperature = try context.doubleParam("temperature")
        constrain = try context.boolParam("constrain")
        let decodeName = try context.stringParam("decode")
        guard let decode = Decoding(rawValue: decodeName) else {
            throw StageError(.badParam, "param 'decode' is '\(decodeName)'; use 'beam' or 'sample'")
        }
        self.decode = decode
        func require(_ ok: Bool, _ message: String) throws { if !ok { throw StageError(.badParam, message) } }
        try require((1...1000).contains(k), "param 'k' is \(k); use 1…1000")
        try require((1...SpecialTokens.maxCount).contains(n), "param 'n' is \(n); use 1…\(SpecialTokens.maxCount)")
        try require((1...64).contains(samples), "param 'samples' is \(samples); use 1…64")
        try require(topK >= 1, "param 'top_k' is \(topK); use 1 or more")
        try require((1...1024).contains(batch), "param 'batch' is \(batch); use 1…1024")
        try require(temperature > 0, "param 'temperature' is \(temperature); use a positive value (e.g. 0.8)")
    }
}

/// Rows of a generated `u2q` table: ``DatasetSchemas/u2qGenerated``, users ascending, ranks from 1.
struct GeneratedRows {
    private var builder = BatchBuilder(DatasetSchemas.u2qGenerated)
    /// Rows so far, and how many are known queries.
    private(set) var count = 0, knownCount = 0

    /// Appends a user's list.
    mutating func append(user: Int64, _ list: [(query: String, score: Double)], known: Set<String>) {
        for (i, entry) in list.enumerated() {
            let isKnown = known.contains(entry.query)
            builder["user"].append(int64: user)
            builder["rank"].append(int32: Int32(i + 1))
            builder["query"].append(string: entry.query)
            builder["score"].append(double: entry.score)
            builder["known"].append(bool: isKnown)
            count += 1
            if isKnown { knownCount += 1 }
        }
    }

    /// Writes `part-00000.parquet` into `folder` (nothing when empty); the rows written.
    func write(into folder: String) throws -> Int {
        guard count > 0 else { return 0 }
        return try DatasetFiles.write(try builder.build(), to: folder + "/part-00000.parquet")
    }
}
