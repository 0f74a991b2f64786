/// The latent truth's best list for a user-day: the queries with the highest expected probability of
/// being searched (typed, suggested or reached through a hint click) under the generating process,
///
///     P(q) = (1 − ε) · mass(leaf(q)) · P_user(q | leaf(q)) + ε · popularity(q)
///
/// where `mass` is the day's ``IntentMasses``, `P_user(q | leaf)` the within-leaf Zipf weight boosted
/// ×``UserBehavior/brandBoost`` for queries naming the user's preferred brand, and ε the
/// ``UserBehavior/exploration`` share drawn from global popularity. Ties break on the query index.
/// It ignores which hints the ranker happens to show, so it is the best list given the interests,
/// not given the day's exposures.
enum OracleRanker {
    /// The top `count` query indices for `user` on a day with `masses`.
    static func top(_ count: Int, masses: IntentMasses, user: SyntheticUser, world: SyntheticWorld) -> [Int32] {
        let queries = world.queries
        let epsilon = UserBehavior.exploration
        var best = TopList(capacity: count)
        for (i, leaf) in masses.leaves.enumerated() {
            let l = Int(leaf)
            let preferred = user.preferredBrand(leaf: l, world: world)
            var norm = 1.0
            if preferred >= 0 {
                norm += (UserBehavior.brandBoost - 1) * queries.brandWeight[l * QueryCatalog.brandsPerDomain + Int(preferred)]
            }
            let scale = (1 - epsilon) * masses.masses[i] / norm
            let first = queries.first(of: l)
            for r in 0..<queries.perLeaf {
                let q = first + r
                let boost = preferred >= 0 && queries.brand[q] == preferred ? UserBehavior.brandBoost : 1
                best.offer(Int32(q), score: scale * queries.rankWeights[r] * boost + epsilon * queries.globalWeight[q])
            }
        }
        for q in queries.globalTop where masses.mass(of: queries.leaf[Int(q)]) == 0 {
            best.offer(q, score: epsilon * queries.globalWeight[Int(q)])
        }
        return best.items
    }
}

/// The best `capacity` (query, score) pairs offered, by score then lower query index.
struct TopList {
    private(set) var items: [Int32] = []
    private var scores: [Double] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity + 1)
        scores.reserveCapacity(capacity + 1)
    }

    /// Keeps `item` if it is among the best so far.
    mutating func offer(_ item: Int32, score: Double) {
        if items.count == capacity, let last = scores.last, !(score > last || (score == last && item < items[items.count - 1])) {
            return
        }
        var lo = 0
        var hi = items.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if scores[mid] > score || (scores[mid] == score && items[mid] < item) { lo = mid + 1 } else { hi = mid }
        }
        items.insert(item, at: lo)
        scores.insert(score, at: lo)
        if items.count > capacity {
            items.removeLast()
            scores.removeLast()
        }
    }
}
