/// Ranking scored queries: score descending, ties by query text.
enum PopularityRanking {
    /// The best `k` of `scored`.
    static func top(_ scored: some Sequence<(query: String, score: Double)>, k: Int) -> [(query: String, score: Double)] {
        Array(scored.sorted { a, b in a.score != b.score ? a.score > b.score : a.query < b.query }.prefix(k))
    }

    /// The best `k` of `scores` (query → score).
    static func top(_ scores: [String: Double], k: Int) -> [(query: String, score: Double)] {
        top(scores.lazy.map { (query: $0.key, score: $0.value) }, k: k)
    }
}

extension WindowSummary {
    /// The `k` most popular queries of the window with their weighted counts.
    func popular(k: Int) -> [(query: String, score: Double)] {
        PopularityRanking.top(popularity.indices.lazy.map { (query: queries[Int32($0)], score: popularity[$0]) }, k: k)
    }
}
