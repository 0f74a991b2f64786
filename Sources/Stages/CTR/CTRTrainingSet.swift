import CTRModel
import Columnar
import PipelineCore

/// Every training row of the window with its full feature vector (``CTRFeatures/all``), and the
/// window's query popularity for the shipped `query_stats`.
///
/// Two passes: each bucket's ``ExposureRows`` (histories, rows, query counts), then — once the
/// counts of every bucket are merged — each row's features, from the popularity of the days before
/// the row's day only. Buckets run on `threads` threads; the result does not depend on it.
struct CTRTrainingSet {
    /// The full feature vectors.
    var x: FeatureMatrix
    /// Clicked or not, per row.
    var labels: [Bool]
    /// The day ordinal of each row.
    var day: [Int]
    /// The user of each row.
    var user: [Int64]
    /// The largest display position of a row (0 without rows): the scorer clamps positions to it,
    /// since the model knows nothing of later ones.
    var maxPosition: Int
    /// Events read.
    var events: Int
    /// The window's counts per query and day.
    var popularity: QueryPopularity
    /// The leaf category of each query of ``popularity``.
    var leaf: [Int64]

    /// Reads the `events` shards `files` of the window ending on `day` (shards after it are ignored).
    init(
        files: [String], day: String, dimensions: CTRDimensions, settings: CTRFeatureSettings, hintSearchWindow: Int64,
        threads: Int
    ) throws {
        guard let lastDay = Day.ordinal(day) else { throw StageError(.badParam, "the task's day '\(day)' is not a YYYY-MM-DD day") }
        let buckets = try SessionsJob.shardsByBucket(DatasetFiles.parquet(files), through: day)
        let days = Set(buckets.flatMap { $0.1 }.compactMap { DatasetFiles.day(of: $0).flatMap(Day.ordinal) }).sorted()
        let parts = try parallelMap(buckets.count, threads: max(1, threads)) { i in
            ExposureRows(
                events: try BucketEvents(shards: buckets[i].1), lastDay: lastDay, dimensions: dimensions,
                hintSearchWindow: hintSearchWindow)
        }
        var popularity = QueryPopularity(days: days)
        let maps = parts.map { popularity.add(local: $0.queries, counts: $0.counts) }
        let leaf = popularity.queries.values.map(dimensions.leaf(ofQuery:))
        var snapshots: [Int: PopularitySnapshot] = [:]
        for d in Set(parts.flatMap { $0.rows.map(\.day) }) { snapshots[d] = popularity.snapshot(asOf: d, leaf: leaf, settings: settings) }

        let width = CTRFeatures.count
        let vectors = try parallelMap(parts.count, threads: max(1, threads)) { i -> [Double] in
            let part = parts[i], map = maps[i]
            var values = [Double](repeating: 0, count: part.count * width)
            values.withUnsafeMutableBufferPointer { out in
                part.behaviours.withUnsafeBufferPointer { all in
                    for (r, row) in part.rows.enumerated() {
                        let q = Int(map[Int(row.query)])
                        let range = part.userRanges[Int(row.userIndex)].range
                        CTRFeatures.fill(
                            out.baseAddress! + r * width, position: Int(row.position), query: row.query, globalQuery: q, leaf: leaf[q],
                            parent: dimensions.parent(of: leaf[q]), history: UnsafeBufferPointer(rebasing: all[range]), time: row.ts,
                            popularity: snapshots[row.day]!, settings: settings)
                    }
                }
            }
            return values
        }
        x = try FeatureMatrix(columnCount: width, values: Array(vectors.joined()))
        labels = parts.flatMap { $0.rows.map(\.clicked) }
        self.day = parts.flatMap { $0.rows.map(\.day) }
        user = parts.flatMap { part in part.rows.map { part.userRanges[Int($0.userIndex)].user } }
        events = parts.reduce(0) { $0 + $1.events }
        maxPosition = parts.flatMap { $0.rows.map { Int($0.position) } }.max() ?? 0
        self.popularity = popularity
        self.leaf = leaf
    }

    /// The number of rows.
    var count: Int { labels.count }
}
