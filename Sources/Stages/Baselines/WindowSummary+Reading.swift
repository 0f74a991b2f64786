import Columnar
import Foundation
import PipelineCore

extension WindowSummary {
    /// Summarises the `events` shards `files` of the window ending on `day`, `threads` files at a
    /// time (merged in file order, so the result does not depend on `threads`). A shard `d` days
    /// before `day` weighs `popularityDecay^d` in the popularity counts.
    static func read(
        files: [String], day: String, popularityDecay: Double, historyLimit: Int, maxGap: Int64, threads: Int
    ) throws -> WindowSummary {
        let shards = DatasetFiles.parquet(files)
        var total = WindowSummary(historyLimit: historyLimit, maxGap: maxGap)
        let chunk = max(1, threads)
        for start in stride(from: 0, to: shards.count, by: chunk) {
            let slice = Array(shards[start..<min(start + chunk, shards.count)])
            let parts = try parallelMap(slice.count, threads: threads) { i in
                let age = try Self.age(of: slice[i], relativeTo: day)
                return try summarize(
                    shard: slice[i], weight: pow(popularityDecay, Double(age)), historyLimit: historyLimit, maxGap: maxGap)
            }
            for part in parts { total.merge(part) }
        }
        return total
    }

    /// The summary of one `events` shard.
    static func summarize(shard: String, weight: Double, historyLimit: Int, maxGap: Int64) throws -> WindowSummary {
        let rows = try EventRows(file: shard)
        var summary = WindowSummary(historyLimit: historyLimit, maxGap: maxGap)
        summary.rowsIn = rows.count
        for range in rows.userDays {
            summary.add(user: rows.users[rows.order[range.lowerBound]], behaviours: rows.behaviours(range), weight: weight)
        }
        return summary
    }

    /// Whole days between a shard's `dt=` day and `day` (0 for the day itself).
    private static func age(of shard: String, relativeTo day: String) throws -> Int {
        guard let shardDay = DatasetFiles.day(of: shard), let then = Day.ordinal(shardDay), let now = Day.ordinal(day) else {
            throw StageError(.badInput, "the events shard '\(shard)' is not in a dt=YYYY-MM-DD partition; give 'events' to baselines as a window of day partitions")
        }
        guard then <= now else {
            throw StageError(.badInput, "the events shard '\(shard)' is after the task's day \(day); the window must end on the task's day (inputs: [{events: {days: N}}])")
        }
        return now - then
    }
}
