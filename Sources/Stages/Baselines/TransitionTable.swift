import Columnar

/// The `transitions` dataset: per trigger, the queries that followed it most often (top N), in
/// trigger order, then count descending, then query.
struct TransitionTable {
    /// One trigger's followers.
    struct Follower: Hashable {
        /// The query that followed.
        var query: String
        /// In how many user-days.
        var count: Int64
    }

    /// Trigger → its followers, best first.
    private(set) var followers: [String: [Follower]] = [:]

    /// The top `limit` followers of every trigger of `counts`.
    init(counts: [WindowSummary.TransitionKey: Int64], limit: Int) {
        var grouped: [String: [Follower]] = [:]
        for (key, n) in counts { grouped[key.trigger, default: []].append(Follower(query: key.query, count: n)) }
        for (trigger, list) in grouped {
            followers[trigger] = Array(list.sorted { ($1.count, $0.query) < ($0.count, $1.query) }.prefix(limit))
        }
    }

    /// The followers of `trigger` (empty when it has none).
    func followers(of trigger: String) -> [Follower] { followers[trigger] ?? [] }

    /// The rows, sorted by trigger, count descending, query (schema ``DatasetSchemas/transitions``).
    func batch() throws -> RecordBatch {
        var out = BatchBuilder(DatasetSchemas.transitions)
        for trigger in followers.keys.sorted() {
            for f in followers[trigger] ?? [] {
                out[0].append(string: trigger)
                out[1].append(string: f.query)
                out[2].append(int64: f.count)
            }
        }
        return try out.build()
    }
}
