public import PipelineCore
import Columnar

/// The `rerank` stage (spec §3, interest-guided label re-ranking), per day.
///
/// Inputs: the day's `direct_sessions` and `think_sessions` (user-keyed), `queries`, `categories`
/// and `transitions` (co-occurrence, from baselines; may be empty). Outputs: `sft_samples`
/// (user-keyed, each bucket's samples in the bucket of the same number; ``BucketSampler``) and
/// `vocab` (`part-00000.parquet`; ``VocabularyBuilder``).
public struct RerankStage: Stage {
    /// The kind: name, code version, params.
    public static let kind = StageKindInfo(
        name: "rerank", codeVersion: 2,
        params: [
            ParamSpec("n", .int, default: 10, description: "Target queries per sample (N), 1…30."),
            ParamSpec("min_count", .int, default: 2, description: "Occurrences a word needs to enter the vocabulary (rarer words fall back to characters)."),
        ],
        description: "IL-SFT samples (Direct, Think with interest groups, plain ablation) and the tokenizer vocabulary (spec §3).")

    /// The stage.
    public init() {}

    /// Makes the day's samples and vocabulary.
    public func run(_ context: StageContext) throws -> StageResult {
        _ = try context.requireDay()
        let n = try context.intParam("n")
        guard (1...SpecialTokens.maxCount).contains(n) else {
            throw StageError(.badParam, "param 'n' is \(n); use 1…\(SpecialTokens.maxCount) (the prompt has count tokens <n1>…<n30>)")
        }
        let minCount = try context.intParam("min_count")
        guard minCount >= 1 else { throw StageError(.badParam, "param 'min_count' is \(minCount); use 1 or more") }
        let dimensions = try RerankDimensions(
            queries: context.files(of: "queries"), categories: context.files(of: "categories"),
            transitions: context.files(of: "transitions"))
        let samplesFolder = try context.outputFolder("sft_samples")
        let vocabFolder = try context.outputFolder("vocab")

        let direct = try Self.filesByBucket(context.files(of: "direct_sessions"))
        let think = try Self.filesByBucket(context.files(of: "think_sessions"))
        let buckets = Array(Set(direct.keys).union(think.keys)).sorted()
        let sampler = BucketSampler(n: n, dimensions: dimensions)
        let results = try parallelMap(buckets.count, threads: max(1, context.threads)) { i -> (Int, Int, VocabularyBuilder) in
            let bucket = buckets[i]
            let directBatches = try (direct[bucket] ?? []).flatMap { try DatasetFiles.read($0, schema: DatasetSchemas.directSessions) }
            let thinkBatches = try (think[bucket] ?? []).flatMap { try DatasetFiles.read($0, schema: DatasetSchemas.thinkSessions) }
            let samples = try sampler.run(direct: try directBatches.map(SessionBatch.init), think: try thinkBatches.map(SessionBatch.init))
            var vocabulary = VocabularyBuilder()
            vocabulary.add(samples)
            if samples.count > 0 {
                try DatasetFiles.write(try samples.batch(), to: samplesFolder + "/bucket=" + bucket + "/part-00000.parquet")
            }
            let rowsIn = directBatches.reduce(0) { $0 + $1.rowCount } + thinkBatches.reduce(0) { $0 + $1.rowCount }
            return (rowsIn, samples.count, vocabulary)
        }
        var vocabulary = VocabularyBuilder()
        for result in results { vocabulary.merge(result.2) }
        let vocab = try vocabulary.batch(categories: dimensions.categories, minCount: minCount)
        try DatasetFiles.write(vocab, to: vocabFolder + "/part-00000.parquet")
        return StageResult(
            rowsIn: results.reduce(0) { $0 + $1.0 }, rowsOut: results.reduce(0) { $0 + $1.1 } + vocab.rowCount)
    }

    /// The Parquet files of a user-keyed dataset by bucket (`NNN` of `bucket=NNN`), each list sorted.
    static func filesByBucket(_ files: [String]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for path in DatasetFiles.parquet(files) {
            guard let bucket = SessionsJob.bucketName(of: path) else {
                throw StageError(.badInput, "'\(path)' is not in a 'bucket=NNN' folder; sessions must be user-keyed shards as the sessions stage writes them")
            }
            out[bucket, default: []].append(path)
        }
        return out.mapValues { $0.sorted() }
    }
}
