import Columnar

/// `query_stats.parquet` of `model_ctr` (``DatasetSchemas/ctrQueryStats``): the popularity the
/// query features read at scoring time, written by the stage and read back by ``CTRScorer``.
enum CTRQueryStats {
    /// The file's name inside the `model_ctr` partition.
    static let fileName = "query_stats.parquet"

    /// The rows of `snapshot` (queries of `popularity` with any activity), sorted by query bytes.
    static func batch(snapshot: PopularitySnapshot, queries: Interner<String>, leaf: [Int64], settings: CTRFeatureSettings) throws -> RecordBatch {
        let ids = (0..<queries.count).filter { !snapshot.totals[$0].isEmpty }
            .sorted { Array(queries[Int32($0)].utf8).lexicographicallyPrecedes(Array(queries[Int32($1)].utf8)) }
        var b = BatchBuilder(DatasetSchemas.ctrQueryStats)
        let prior = settings.ctrPrior, rate = snapshot.context.baseRate
        for q in ids {
            let sums = snapshot.sums[q], totals = snapshot.totals[q]
            b["query"].append(string: queries[Int32(q)])
            b["category"].append(optionalInt64: leaf[q] >= 0 ? leaf[q] : nil)
            b["searches"].append(double: sums.searches)
            b["hint_clicks"].append(double: sums.hintClicks)
            b["impressions"].append(double: sums.impressions)
            b["ctr"].append(double: (sums.hintClicks + prior * rate) / (sums.impressions + prior))
            b["searches_total"].append(int64: Int64(totals.searches))
            b["hint_clicks_total"].append(int64: Int64(totals.hintClicks))
            b["impressions_total"].append(int64: Int64(totals.impressions))
        }
        return try b.build()
    }

    /// Reads the file at `path` as a snapshot (query ids in file order), the query → id index and
    /// each query's leaf (-1 unknown).
    static func read(_ path: String, context: PopularityContext) throws -> (snapshot: PopularitySnapshot, index: [String: Int], leaf: [Int64]) {
        let batch = try DatasetFiles.readAll([path], schema: DatasetSchemas.ctrQueryStats)
        let queries = try batch.strings("query"), categories = try batch.optionalInt64s("category")
        let searches = try batch.doubles("searches"), clicks = try batch.doubles("hint_clicks"), impressions = try batch.doubles("impressions")
        var index: [String: Int] = [:]
        index.reserveCapacity(batch.rowCount)
        var sums: [QueryCounts] = []
        var leafSums: [Int64: QueryCounts] = [:]
        for i in 0..<batch.rowCount {
            let counts = QueryCounts(searches: searches[i], hintClicks: clicks[i], impressions: impressions[i])
            index[queries.string(at: i)] = i
            sums.append(counts)
            if let leaf = categories[i] { leafSums[leaf, default: QueryCounts()].add(counts) }
        }
        return (PopularitySnapshot(context: context, sums: sums, totals: sums, leafSums: leafSums), index, categories.map { $0 ?? -1 })
    }
}
