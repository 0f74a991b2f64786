import Columnar

/// The `transitions` dataset: per trigger, the queries that followed it most often (top N), in
/// trigger order, then count descending, then query. Queries are the window's query ids
/// (``WindowSummary/queries``), named by ``query(_:)``.
struct TransitionTable {
    /// One trigger's follower.
    struct Follower: Hashable {
        /// The id of the query that followed.
        var query: Int32
        /// In how many user-days.
        var count: Int64
    }

    /// Trigger key → its followers, best first.
    private(set) var followers: [String: [Follower]] = [:]
    /// Query id → text.
    private let queries: [String]

    /// The top `limit` followers of every trigger of `window`.
    init(_ window: WindowSummary, limit: Int) {
        queries = window.queries.values
        var grouped: [UInt32: [Follower]] = [:]
        for (pair, n) in window.transitions {
            let follower = Follower(query: Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF), count: n)
            grouped[UInt32(truncatingIfNeeded: pair >> 32), default: []].append(follower)
        }
        for (trigger, list) in grouped {
            followers[window.triggerKey(trigger)] = Array(
                list.sorted { [queries] a, b in a.count != b.count ? a.count > b.count : queries[Int(a.query)] < queries[Int(b.query)] }
                    .prefix(limit))
        }
    }

    /// The text of query id `id`.
    func query(_ id: Int32) -> String { queries[Int(id)] }

    /// The followers of `trigger` (empty when it has none).
    func followers(of trigger: String) -> [Follower] { followers[trigger] ?? [] }

    /// The rows, sorted by trigger, count descending, query (schema ``DatasetSchemas/transitions``).
    func batch() throws -> RecordBatch {
        var out = BatchBuilder(DatasetSchemas.transitions)
        for trigger in followers.keys.sorted() {
            for f in followers[trigger] ?? [] {
                out[0].append(string: trigger)
                out[1].append(string: query(f.query))
                out[2].append(int64: f.count)
            }
        }
        return try out.build()
    }
}
