import Foundation

/// The features of one (user, query, position) row of the CTR model, computed by the same code at
/// training time (``ExposureRows``, ``CTRTrainingSet``) and at scoring time (``CTRScorer``).
///
/// A row is three parts, in this order: the display position, the query's popularity as of the
/// start of the row's day (from earlier days only: no leakage), and the user's behaviour strictly
/// before the row's time (the latest ``CTRFeatureSettings/history`` searches and item clicks).
/// ``all`` names and describes every feature; the report and the README list them.
enum CTRFeatures {
    /// A feature's name and what it measures.
    struct Feature: Sendable {
        var name: String
        var description: String
    }

    /// The position features.
    static let position: [Feature] = [
        Feature(name: "pos_1", description: "1 when shown second (positions count from 0; the first position is the reference)."),
        Feature(name: "pos_2", description: "1 when shown third."),
        Feature(name: "pos_3plus", description: "1 when shown fourth or later."),
    ]

    /// The query popularity features (earlier days only, each day d+1 days back weighing popularity_decay^d).
    static let query: [Feature] = [
        Feature(name: "q_searches", description: "log(1 + the query's searches per day)."),
        Feature(name: "q_hint_clicks", description: "log(1 + its hint clicks per day)."),
        Feature(name: "q_impressions", description: "log(1 + its impressions per day as a displayed hint)."),
        Feature(name: "q_ctr", description: "logit of its hint CTR smoothed towards the base rate: (clicks + ctr_prior × rate) / (impressions + ctr_prior)."),
        Feature(name: "q_unseen", description: "1 when the query had no search, click or impression."),
        Feature(name: "q_unknown_leaf", description: "1 when the query's leaf category is unknown."),
        Feature(name: "leaf_searches", description: "log(1 + searches per day of all queries of the query's leaf)."),
        Feature(name: "leaf_ctr", description: "logit of the leaf's smoothed hint CTR."),
    ]

    /// The user behaviour features (history strictly before the row's time).
    static let user: [Feature] = [
        Feature(name: "u_history", description: "log(1 + behaviours in the history)."),
        Feature(name: "u_gap", description: "log(1 + hours since the latest behaviour); 8 days when there is none."),
        Feature(name: "u_leaf_share", description: "Share of the history in the query's leaf."),
        Feature(name: "u_leaf_weight", description: "Recency-weighted share of the history in the query's leaf (each behaviour weighing 0.5^(age / half_life_hours))."),
        Feature(name: "u_leaf_log_weight", description: "log(0.01 + u_leaf_weight): the click model is multiplicative in the interest."),
        Feature(name: "u_leaf_searches", description: "Searches in the query's leaf, each weighing 0.5^(age / half_life_hours)."),
        Feature(name: "u_leaf_clicks", description: "Item clicks in the query's leaf, weighted the same way."),
        Feature(name: "u_leaf_recent", description: "Behaviours in the query's leaf weighing 0.5^(age / short_half_life_minutes): the current session."),
        Feature(name: "u_leaf_today", description: "Share of the user's behaviours earlier the same day in the query's leaf."),
        Feature(name: "u_leaf_log_today", description: "log(0.01 + u_leaf_today)."),
        Feature(name: "u_last_leaf", description: "1 when the latest behaviour is in the query's leaf."),
        Feature(name: "u_sibling_share", description: "Share of the history in other leaves of the query's parent category."),
        Feature(name: "u_sibling_weight", description: "Recency-weighted share of the history in those sibling leaves."),
        Feature(name: "u_sibling", description: "Behaviours in sibling leaves, each weighing 0.5^(age / half_life_hours)."),
        Feature(name: "u_sibling_recent", description: "Behaviours in sibling leaves, short half-life."),
        Feature(name: "u_last_sibling", description: "1 when the latest behaviour is in a sibling leaf."),
        Feature(name: "u_query_searched", description: "log(1 + times the user searched this exact query)."),
    ]

    /// Every feature, in vector order.
    static let all = position + query + user
    /// Every feature name, in vector order.
    static let names = all.map(\.name)
    /// The names of the popularity-only baseline: position and query popularity, nothing of the user.
    static let popularityNames = (position + query).map(\.name)

    /// Where each part starts in the vector.
    static let positionOffset = 0
    static let queryOffset = position.count
    static let userOffset = position.count + query.count
    /// The vector length.
    static var count: Int { all.count }

    /// Writes the whole vector of a row: `query` numbered as `history`'s searches, `globalQuery` as
    /// `statistics.popularity`, `leaf`/`parent` of the query (-1 unknown), at `time`.
    @inline(__always)
    static func fill(
        _ out: UnsafeMutablePointer<Double>, position: Int, query: Int32, globalQuery: Int?, leaf: Int64, parent: Int64,
        history: UnsafeBufferPointer<CTRBehaviour>, time: Int64, popularity: PopularitySnapshot, settings: CTRFeatureSettings
    ) {
        fillPosition(out + positionOffset, position: position)
        fillQuery(
            out + queryOffset, counts: globalQuery.map { popularity.sums[$0] } ?? QueryCounts(),
            leafCounts: leaf >= 0 ? popularity.leafSums[leaf] ?? QueryCounts() : QueryCounts(), knownLeaf: leaf >= 0,
            context: popularity.context, settings: settings)
        fillUser(
            out + userOffset, history: history, time: time, query: query, leaf: leaf, parent: parent, settings: settings)
    }

    /// Writes the position features of display position `position` (0 = first).
    @inline(__always)
    static func fillPosition(_ out: UnsafeMutablePointer<Double>, position: Int) {
        out[0] = position == 1 ? 1 : 0
        out[1] = position == 2 ? 1 : 0
        out[2] = position >= 3 ? 1 : 0
    }

    /// Writes the query features from the query's decayed sums `counts`, its leaf's `leafCounts`,
    /// whether its leaf is known, and the popularity `context` of the day.
    @inline(__always)
    static func fillQuery(
        _ out: UnsafeMutablePointer<Double>, counts: QueryCounts, leafCounts: QueryCounts, knownLeaf: Bool,
        context: PopularityContext, settings: CTRFeatureSettings
    ) {
        let perDay = context.weightSum > 0 ? 1 / context.weightSum : 0
        let prior = settings.ctrPrior, rate = context.baseRate
        out[0] = log1p(counts.searches * perDay)
        out[1] = log1p(counts.hintClicks * perDay)
        out[2] = log1p(counts.impressions * perDay)
        out[3] = logit((counts.hintClicks + prior * rate) / (counts.impressions + prior))
        out[4] = counts.isEmpty ? 1 : 0
        out[5] = knownLeaf ? 0 : 1
        out[6] = knownLeaf ? log1p(leafCounts.searches * perDay) : 0
        out[7] = knownLeaf ? logit((leafCounts.hintClicks + prior * rate) / (leafCounts.impressions + prior)) : logit(rate)
    }

    /// Writes the user features of a candidate query (`query` in the numbering of `history`'s
    /// searches, `leaf` and `parent` -1 when unknown) at `time`, from `history` (time order; only its
    /// behaviours strictly before `time`, the latest ``CTRFeatureSettings/history`` of them, count).
    @inline(__always)
    static func fillUser(
        _ out: UnsafeMutablePointer<Double>, history: UnsafeBufferPointer<CTRBehaviour>, time: Int64,
        query: Int32, leaf: Int64, parent: Int64, settings: CTRFeatureSettings
    ) {
        var lo = 0, end = history.count
        while lo < end {
            let mid = (lo + end) >> 1
            if history[mid].ts < time { lo = mid + 1 } else { end = mid }
        }
        let start = max(0, end - settings.history)
        let n = end - start
        let halfLife = settings.halfLifeHours * 3_600_000, shortHalfLife = settings.shortHalfLifeMinutes * 60_000
        var leafCount = 0.0, leafSearches = 0.0, leafClicks = 0.0, leafRecent = 0.0
        var siblingCount = 0.0, sibling = 0.0, siblingRecent = 0.0
        var querySearched = 0.0
        var totalWeight = 0.0, today = 0.0, leafToday = 0.0
        let dayStart = time - ((time % 86_400_000) + 86_400_000) % 86_400_000
        for i in start..<end {
            let b = history[i]
            let age = Double(max(0, time - b.ts))
            let long = exp2(-age / halfLife)
            totalWeight += long
            let inLeaf = leaf >= 0 && b.leaf == leaf
            if b.ts >= dayStart {
                today += 1
                if inLeaf { leafToday += 1 }
            }
            let inSibling = !inLeaf && parent >= 0 && b.leaf >= 0 && b.parent == parent
            guard inLeaf || inSibling || (b.isSearch && b.query == query) else { continue }
            let short = exp2(-age / shortHalfLife)
            if inLeaf {
                leafCount += 1
                if b.isSearch { leafSearches += long } else { leafClicks += long }
                leafRecent += short
            } else if inSibling {
                siblingCount += 1
                sibling += long
                siblingRecent += short
            }
            if b.isSearch && b.query == query { querySearched += 1 }
        }
        let last = n > 0 ? history[end - 1] : nil
        let leafWeight = totalWeight > 0 ? (leafSearches + leafClicks) / totalWeight : 0
        let leafTodayShare = today > 0 ? leafToday / today : 0
        out[0] = log1p(Double(n))
        out[1] = log1p(last.map { Double(max(0, time - $0.ts)) / 3_600_000 } ?? 192)
        out[2] = n > 0 ? leafCount / Double(n) : 0
        out[3] = leafWeight
        out[4] = log(0.01 + leafWeight)
        out[5] = leafSearches
        out[6] = leafClicks
        out[7] = leafRecent
        out[8] = leafTodayShare
        out[9] = log(0.01 + leafTodayShare)
        out[10] = last.map { leaf >= 0 && $0.leaf == leaf ? 1 : 0 } ?? 0
        out[11] = n > 0 ? siblingCount / Double(n) : 0
        out[12] = totalWeight > 0 ? sibling / totalWeight : 0
        out[13] = sibling
        out[14] = siblingRecent
        out[15] = last.map { parent >= 0 && $0.leaf != leaf && $0.leaf >= 0 && $0.parent == parent ? 1 : 0 } ?? 0
        out[16] = log1p(querySearched)
    }

    @inline(__always)
    static func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-6), 1 - 1e-6)
        return log(q / (1 - q))
    }
}

/// The day-level context of the popularity features: how much weight the earlier days carry in
/// total (to turn decayed sums into per-day rates) and the base hint CTR the smoothing pulls to.
struct PopularityContext: Sendable, Equatable {
    /// Σ of the day weights (0 when there is no earlier day).
    var weightSum: Double
    /// Hint clicks / impressions over the earlier days (decayed), or ``defaultRate`` without impressions.
    var baseRate: Double

    /// The base rate when there is nothing to measure it on.
    static let defaultRate = 0.05
}
