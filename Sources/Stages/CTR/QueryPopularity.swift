/// Per-day search-box counts of every query seen in the window (searches, hint clicks, displayed
/// impressions), merged from the buckets, and the as-of snapshots the popularity features read.
struct QueryPopularity {
    /// The queries, numbered in order of first sight (buckets merged in bucket order).
    private(set) var queries = Interner<String>()
    /// Day ordinals of the window (days with `events` shards), ascending.
    let days: [Int]
    /// `counts[d][q]`: the counts of query `q` on `days[d]`.
    private(set) var counts: [[QueryCounts]]

    /// Empty counts over `days`.
    init(days: [Int]) {
        self.days = days
        counts = Array(repeating: [], count: days.count)
    }

    /// Adds one bucket's counts (`bucket` numbers its queries with `local`); returns the global id
    /// of each of `local`'s queries.
    mutating func add(local: Interner<String>, counts bucketCounts: [Int: [QueryCounts]]) -> [Int32] {
        let map = local.values.map { queries.id($0) }
        for d in counts.indices where counts[d].count < queries.count {
            counts[d] += Array(repeating: QueryCounts(), count: queries.count - counts[d].count)
        }
        for (day, perQuery) in bucketCounts {
            guard let d = days.firstIndex(of: day) else { continue }
            for (q, c) in perQuery.enumerated() where !c.isEmpty { counts[d][Int(map[q])].add(c) }
        }
        return map
    }

    /// The popularity as of the start of day `asOf` (an ordinal): decayed sums over the window's
    /// days in `asOf - popularityDays ..< asOf`, a day d + 1 days back weighing `popularityDecay^d`.
    /// `leaf` gives each query's leaf category (-1 unknown) for the leaf sums.
    func snapshot(asOf: Int, leaf: [Int64], settings: CTRFeatureSettings) -> PopularitySnapshot {
        var sums = Array(repeating: QueryCounts(), count: queries.count)
        var totals = Array(repeating: QueryCounts(), count: queries.count)
        var weightSum = 0.0
        var all = QueryCounts()
        for (d, day) in days.enumerated() where day < asOf && day >= asOf - settings.popularityDays {
            var weight = 1.0
            for _ in 0..<(asOf - 1 - day) { weight *= settings.popularityDecay }
            weightSum += weight
            for (q, c) in counts[d].enumerated() where !c.isEmpty {
                sums[q].add(c, weight: weight)
                totals[q].add(c)
                all.add(c, weight: weight)
            }
        }
        var leafSums: [Int64: QueryCounts] = [:]
        for q in sums.indices where leaf[q] >= 0 && !sums[q].isEmpty { leafSums[leaf[q], default: QueryCounts()].add(sums[q]) }
        let rate = all.impressions > 0 ? all.hintClicks / all.impressions : PopularityContext.defaultRate
        return PopularitySnapshot(
            context: PopularityContext(weightSum: weightSum, baseRate: rate), sums: sums, totals: totals, leafSums: leafSums)
    }
}

/// The popularity of every query as of the start of one day.
struct PopularitySnapshot {
    /// Total day weight and base CTR.
    var context: PopularityContext
    /// Decay-weighted counts per query id.
    var sums: [QueryCounts]
    /// Unweighted counts per query id over the same days.
    var totals: [QueryCounts]
    /// Decay-weighted counts per leaf category (queries of unknown leaf left out).
    var leafSums: [Int64: QueryCounts]
}
