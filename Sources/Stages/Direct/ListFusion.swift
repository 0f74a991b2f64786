/// Several sampled lists of one user → one ranked list: a query scores Σ 1/(rank + 1) over the lists
/// it appears in (reciprocal-rank fusion; rank from 0), ties broken by its first appearance.
enum ListFusion {
    /// The top `k` queries by fused score, with their scores.
    static func fuse(_ lists: [[String]], k: Int) -> [(query: String, score: Double)] {
        var score: [String: Double] = [:]
        var first: [String: Int] = [:]
        var order = 0
        for list in lists {
            var seen = Set<String>()
            for (rank, query) in list.enumerated() where seen.insert(query).inserted {
                score[query, default: 0] += 1 / Double(rank + 1)
                if first[query] == nil {
                    first[query] = order
                    order += 1
                }
            }
        }
        let ranked = score.keys.sorted { a, b in
            score[a]! != score[b]! ? score[a]! > score[b]! : first[a]! < first[b]!
        }
        return ranked.prefix(k).map { ($0, score[$0]!) }
    }
}
