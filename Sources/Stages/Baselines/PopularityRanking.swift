/// The popularity baseline: the window's most frequent queries, recent days weighted more.
enum PopularityRanking {
    /// The top `k` queries of `counts` by weighted count (ties by query text).
    static func top(_ counts: [String: Double], k: Int) -> [(query: String, score: Double)] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(k).map { ($0.key, $0.value) }
    }
}
