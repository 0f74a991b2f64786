/// What the baselines need from a window of `events` shards, mergeable shard by shard: weighted
/// query popularity, each user's most recent distinct queries, and transition counts.
///
/// Queries and items are numbered (``Interner``) so counts live in arrays and a transition is one
/// `UInt64`: the trigger code (a query id, or ``itemFlag`` | an item id) in the high half, the later
/// query's id in the low half. ``merge(_:)`` renumbers the other summary's ids into this one's.
struct WindowSummary {
    /// A query a user acted on, and when last.
    typealias Recent = (query: Int32, ts: Int64)

    /// The trigger-code bit that marks an item trigger.
    static let itemFlag: UInt32 = 0x8000_0000

    /// The queries seen.
    private(set) var queries = Interner<String>()
    /// The items clicked.
    private(set) var items = Interner<Int64>()
    /// Per query id: the day-weighted count of query actions.
    private(set) var popularity: [Double] = []
    /// User → (query id, time of the user's last action on it), latest first, distinct, at most
    /// `historyLimit`.
    private(set) var history: [Int64: [Recent]] = [:]
    /// Packed (trigger, later query) → number of user-days in which the query followed the trigger.
    private(set) var transitions: [UInt64: Int64] = [:]
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
        var steps: [(ts: Int64, trigger: UInt32, query: Int32?)] = []
        steps.reserveCapacity(behaviours.count)
        var recent = history.removeValue(forKey: user) ?? []
        for b in behaviours {
            switch b.action {
            case .query(let text):
                let q = queries.id(text)
                if Int(q) == popularity.count { popularity.append(0) }
                popularity[Int(q)] += weight
                recent.append((q, b.ts))
                steps.append((b.ts, UInt32(q), q))
            case .item(let id):
                steps.append((b.ts, UInt32(items.id(id)) | Self.itemFlag, nil))
            }
        }
        if !recent.isEmpty { history[user] = mostRecent(recent) }
        // Each (trigger, later query) pair once per user-day; a query does not follow itself.
        var pairs = Set<UInt64>()
        for (i, trigger) in steps.enumerated() {
            for later in steps[(i + 1)...] {
                guard later.ts > trigger.ts else { continue }
                if maxGap > 0, later.ts - trigger.ts > maxGap { break }
                guard let q = later.query, UInt32(q) != trigger.trigger else { continue }
                pairs.insert(UInt64(trigger.trigger) << 32 | UInt64(UInt32(q)))
            }
        }
        for pair in pairs { transitions[pair, default: 0] += 1 }
    }

    /// Adds `other` (a later part of the window) into this summary.
    mutating func merge(_ other: WindowSummary) {
        let queryMap = other.queries.values.map { queries.id($0) }
        let itemMap = other.items.values.map { items.id($0) }
        if popularity.count < queries.count { popularity += Array(repeating: 0, count: queries.count - popularity.count) }
        for (local, weight) in other.popularity.enumerated() { popularity[Int(queryMap[local])] += weight }
        for (user, recent) in other.history {
            let renumbered = recent.map { (query: queryMap[Int($0.query)], ts: $0.ts) }
            if let mine = history.removeValue(forKey: user) {
                history[user] = mostRecent(mine + renumbered)
            } else {
                history[user] = renumbered
            }
        }
        for (pair, n) in other.transitions {
            let trigger = UInt32(truncatingIfNeeded: pair >> 32)
            let mapped = trigger & Self.itemFlag != 0
                ? UInt32(itemMap[Int(trigger & ~Self.itemFlag)]) | Self.itemFlag : UInt32(queryMap[Int(trigger)])
            transitions[UInt64(mapped) << 32 | UInt64(UInt32(queryMap[Int(UInt32(truncatingIfNeeded: pair))])), default: 0] += n
        }
        rowsIn += other.rowsIn
    }

    /// The trigger key (`search:<query>` or `item:<id>`) of a trigger code.
    func triggerKey(_ code: UInt32) -> String {
        code & Self.itemFlag != 0 ? "item:" + String(items[Int32(code & ~Self.itemFlag)]) : "search:" + queries[Int32(code)]
    }

    /// The user's recent queries, most recent first (ties by query text).
    func historyList(of user: Int64) -> [(query: String, ts: Int64)] {
        (history[user] ?? []).map { (queries[$0.query], $0.ts) }
    }

    /// The `historyLimit` most recent distinct queries of `recent`, latest first (ties by text).
    private func mostRecent(_ recent: [Recent]) -> [Recent] {
        let sorted = recent.sorted { a, b in
            a.ts != b.ts ? a.ts > b.ts : a.query != b.query && queries[a.query] < queries[b.query]
        }
        var seen = Set<Int32>()
        var out: [Recent] = []
        for entry in sorted where seen.insert(entry.query).inserted {
            out.append(entry)
            if out.count == historyLimit { break }
        }
        return out
    }
}
