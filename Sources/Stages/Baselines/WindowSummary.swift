/// What the baselines need from a window of `events` shards, mergeable shard by shard: weighted
/// query popularity, each user's most recent distinct queries, and transition counts.
struct WindowSummary {
    /// A (trigger, later query) pair.
    struct TransitionKey: Hashable {
        /// `search:<query>` or `item:<id>`.
        var trigger: String
        /// The query searched or hint-clicked later the same day.
        var query: String
    }

    /// Query → day-weighted count of query actions.
    var popularity: [String: Double] = [:]
    /// User → query → time of the user's last action on it (at most `historyLimit` queries per user).
    var history: [Int64: [String: Int64]] = [:]
    /// (trigger, query) → number of user-days in which the query followed the trigger.
    var transitions: [TransitionKey: Int64] = [:]
    /// Rows read.
    var rowsIn = 0

    /// How many recent distinct queries are kept per user.
    let historyLimit: Int
    /// The longest time between a trigger and a later query that still counts (0: no limit), ms.
    let maxGap: Int64

    /// An empty summary.
    init(historyLimit: Int, maxGap: Int64) {
        self.historyLimit = historyLimit
        self.maxGap = maxGap
    }

    /// Adds one user-day's behaviours (time order); `weight` is the day's popularity weight.
    mutating func add(user: Int64, behaviours: [DayBehaviour], weight: Double) {
        var recent: [String: Int64] = history[user] ?? [:]
        for b in behaviours {
            guard let q = b.query else { continue }
            popularity[q, default: 0] += weight
            recent[q] = max(recent[q] ?? .min, b.ts)
        }
        if !recent.isEmpty { history[user] = Self.mostRecent(recent, limit: historyLimit) }
        for key in Self.transitionPairs(behaviours, maxGap: maxGap) {
            transitions[key, default: 0] += 1
        }
    }

    /// Adds `other` (a later part of the window) into this summary.
    mutating func merge(_ other: WindowSummary) {
        for (q, w) in other.popularity { popularity[q, default: 0] += w }
        for (user, recent) in other.history {
            guard let mine = history[user] else {
                history[user] = recent
                continue
            }
            history[user] = Self.mostRecent(mine.merging(recent, uniquingKeysWith: max), limit: historyLimit)
        }
        for (key, n) in other.transitions { transitions[key, default: 0] += n }
        rowsIn += other.rowsIn
    }

    /// The distinct (trigger, query) pairs of one user-day: every query action strictly later than
    /// the trigger (and within `maxGap` when set), except the trigger's own query.
    static func transitionPairs(_ behaviours: [DayBehaviour], maxGap: Int64) -> Set<TransitionKey> {
        var pairs = Set<TransitionKey>()
        for (i, trigger) in behaviours.enumerated() {
            let key = trigger.trigger
            for later in behaviours[(i + 1)...] {
                guard later.ts > trigger.ts else { continue }
                if maxGap > 0, later.ts - trigger.ts > maxGap { break }
                guard let q = later.query, q != trigger.query else { continue }
                pairs.insert(TransitionKey(trigger: key, query: q))
            }
        }
        return pairs
    }

    /// The `limit` most recent queries of `recent` (latest first, ties by query text).
    static func mostRecent(_ recent: [String: Int64], limit: Int) -> [String: Int64] {
        guard recent.count > limit else { return recent }
        let kept = recent.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }

    /// The user's recent queries, most recent first (ties by query text).
    func historyList(of user: Int64) -> [(query: String, ts: Int64)] {
        (history[user] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }
}
