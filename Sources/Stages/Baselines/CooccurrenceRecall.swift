import Columnar
import Foundation

/// The co-occurrence baseline (the "traditional recall"): each of the user's recent behaviours
/// (from `behaviors`, the i-th newest weighing `decay^i`) votes for the queries that followed it in
/// `transitions`, with weight × count (÷ the trigger's total count when normalised); the summed
/// votes rank the list, padded with popularity to K.
struct CooccurrenceRecall {
    /// The transition table of the window.
    var transitions: TransitionTable
    /// The popularity list (the padding and the `-1` default list), at least K long when possible.
    var popularity: [(query: String, score: Double)]
    /// List length.
    var k: Int
    /// Per-position recency decay.
    var decay: Double
    /// Whether a trigger's votes are divided by its total count (P(query | trigger)).
    var normalize: Bool

    /// The `behaviors` columns read.
    static let schema = Schema(DatasetSchemas.behaviors.fields.filter { ["user", "h_key"].contains($0.name) })

    /// The lists of every user of the `behaviors` shards `files` that has a co-occurrence candidate,
    /// after the `-1` popularity list. Users without candidates get no rows (the default list).
    func rows(behaviorFiles files: [String], threads: Int) throws -> U2QRows {
        let shards = DatasetFiles.parquet(files)
        let parts = try parallelMap(shards.count, threads: threads) { i in try userLists(shard: shards[i]) }
        let all = parts.flatMap { $0 }.sorted { $0.user < $1.user }
        var out = U2QRows()
        out.append(user: -1, popularity)
        for (i, entry) in all.enumerated() {
            if i > 0, all[i - 1].user == entry.user {
                throw StageError(.badInput, "user \(entry.user) has two rows in 'behaviors'; rerun the sessions stage")
            }
            out.append(user: entry.user, entry.list)
        }
        return out
    }

    /// The lists of one `behaviors` shard.
    private func userLists(shard: String) throws -> [(user: Int64, list: [(query: String, score: Double)])] {
        let batch = try DatasetFiles.readAll([shard], schema: Self.schema)
        let users = try batch.int64s("user")
        let (offsets, keys) = try batch.stringLists("h_key")
        var out: [(user: Int64, list: [(query: String, score: Double)])] = []
        for row in 0..<batch.rowCount {
            let history = (offsets[row]..<offsets[row + 1]).map { keys.string(at: $0) }
            let list = self.list(history: history)
            if !list.isEmpty { out.append((users[row], list)) }
        }
        return out
    }

    /// The list for a history of trigger keys (oldest first); empty when no behaviour has followers.
    func list(history: [String]) -> [(query: String, score: Double)] {
        var votes: [Int32: Double] = [:]
        var weight = 1.0
        for key in history.reversed() {
            let followers = transitions.followers(of: key)
            let total = normalize ? Double(followers.reduce(0) { $0 + $1.count }) : 1
            for f in followers { votes[f.query, default: 0] += weight * Double(f.count) / total }
            weight *= decay
        }
        guard !votes.isEmpty else { return [] }
        let best = votes.sorted { a, b in
            a.value != b.value ? a.value > b.value : transitions.query(a.key) < transitions.query(b.key)
        }
        var list = best.prefix(k).map { (query: transitions.query($0.key), score: $0.value) }
        var seen = Set(list.map(\.query))
        for p in popularity where list.count < k && seen.insert(p.query).inserted {
            list.append((p.query, 0))
        }
        return list
    }
}
