import Columnar

/// The `events` of one user bucket over the window of days, held column by column, with the row
/// order that visits them by (user, ts): the shards of the bucket (one per day, each sorted by
/// user and time) merged, the earlier shard first on ties.
struct BucketEvents: Sendable {
    /// The columns the sessions stage reads.
    static let schema = SessionDimensions.subSchema(
        DatasetSchemas.events, ["user", "ts", "type", "query", "item", "exposure", "shown", "candidates"])

    /// User of each row.
    let user: [Int64]
    /// Event time (epoch ms) of each row.
    let ts: [Int64]
    /// Event type of each row.
    let type: [EventType]
    /// Normalised query (empty where null).
    let query: ByteArrayColumn
    /// Item id (0 where null).
    let item: [Int64]
    /// Whether `item` is present.
    let hasItem: [Bool]
    /// Exposure id (empty where null).
    let exposure: ByteArrayColumn
    /// Shown count (0 where null).
    let shown: [Int32]
    /// Offsets of each row's logged candidates into ``candidateValues``.
    let candidateOffsets: [Int]
    /// The candidates of every row, back to back.
    let candidateValues: ByteArrayColumn
    /// Row numbers in (user, ts) order.
    let order: [Int]

    /// The number of rows.
    var count: Int { user.count }

    /// Reads `shards` (paths in day order) and merges them.
    init(shards: [String]) throws {
        var parts: [RecordBatch] = []
        var bounds: [Range<Int>] = []
        var total = 0
        for path in shards {
            for batch in try DatasetFiles.read(path, schema: Self.schema) where batch.rowCount > 0 {
                parts.append(batch)
                bounds.append(total..<(total + batch.rowCount))
                total += batch.rowCount
            }
        }
        let all = try RecordBatch.concatenate(parts, schema: Self.schema)
        user = try all.int64s("user")
        ts = try all.int64s("ts")
        type = EventType.codes(of: try all.strings("type"))
        query = try all.strings("query")
        item = try all.int64s("item")
        hasItem = all.column("item").map { c in (0..<c.rowCount).map { c.isValid($0) } } ?? []
        exposure = try all.strings("exposure")
        shown = try all.int32s("shown")
        let candidates = try all.stringLists("candidates")
        candidateOffsets = candidates.offsets
        candidateValues = candidates.elements
        order = Self.mergeOrder(user: user, ts: ts, runs: bounds)
    }

    /// The row order by (user, ts) of `runs` (each normally sorted already); ties keep the earlier
    /// run first, and within a run the stored order.
    static func mergeOrder(user: [Int64], ts: [Int64], runs: [Range<Int>]) -> [Int] {
        func before(_ a: Int, _ b: Int) -> Bool { user[a] < user[b] || (user[a] == user[b] && ts[a] < ts[b]) }
        // Runs that break the contract (not sorted) are sorted here, stably.
        let sortedRuns: [[Int]] = runs.map { run in
            if zip(run, run.dropFirst()).allSatisfy({ !before($1, $0) }) { return Array(run) }
            return run.sorted { before($0, $1) || (!before($1, $0) && $0 < $1) }
        }
        if sortedRuns.count == 1 { return sortedRuns[0] }
        var heads = [Int](repeating: 0, count: sortedRuns.count)
        var out = [Int]()
        out.reserveCapacity(user.count)
        while true {
            var best = -1
            for k in sortedRuns.indices where heads[k] < sortedRuns[k].count {
                if best < 0 || before(sortedRuns[k][heads[k]], sortedRuns[best][heads[best]]) { best = k }
            }
            guard best >= 0 else { break }
            out.append(sortedRuns[best][heads[best]])
            heads[best] += 1
        }
        return out
    }
}
