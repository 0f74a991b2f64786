import PipelineCore
import Columnar
import Foundation
import Stages

/// The input of `aigq bench sessions`: one day of user-keyed `events` shards in the ingest stage's
/// layout and schema (`events/dt=DAY/bucket=NNN/part-00000.parquet`, zstd, each sorted by user and
/// time), plus the day's `users`, `items` and `queries` snapshots — made by a seeded generator
/// (``SessionsEventGenerator``) until `aigq gen` and the ingest stage can make the same day.
///
/// Users: ids ascending from 1 000 000 in steps of 1–7, about 40 events each (exponential), the last
/// one cut so the day has exactly `events` rows; 90 % of them in `users`. Items: 210 000 ids drawn
/// Zipf, the 200 000 most popular in `items` (titles made from the query vocabulary, one of 400 leaf
/// categories each). Queries: the 50 000 of ``QueryVocabulary``, 90 % with a leaf category.
public enum SessionsBenchInput {
    /// The benchmark's day.
    public static let day = "2025-03-14"
    /// User buckets of the `events` shards.
    public static let buckets = 16
    /// Distinct items drawn (the catalogue lists the most popular ``catalogueItems``).
    static let drawnItems = 210_000
    /// Items in the catalogue.
    static let catalogueItems = 200_000
    /// Leaf categories.
    static let categories: UInt64 = 400

    /// Writes the input under `dir`; returns the bytes written.
    public static func write(events: Int, to dir: String, threads: Int, seed: UInt64 = BenchmarkEventsTable.defaultSeed) throws -> Int {
        let vocabulary = QueryVocabulary(count: BenchmarkEventsTable.distinctQueries, seed: seed ^ 0x5157_4552_59)
        let tables = SessionsEventGenerator.Tables(
            vocabulary: vocabulary, queryRanks: ZipfSampler(count: vocabulary.queries.count, exponent: 1.05),
            itemRanks: ZipfSampler(count: drawnItems, exponent: 0.9), seed: seed)
        let users = plan(events: events, seed: seed)
        let dayStart = Day.startMillis(day)
        var byBucket = Array(repeating: [(Int64, Int)](), count: buckets)
        for (user, count) in users { byBucket[UserBucketing.bucket(of: user, buckets: buckets)].append((user, count)) }

        let sizes = try parallelMap(buckets, threads: threads) { bucket -> Int in
            var out = BatchBuilder(DatasetSchemas.events)
            for (user, count) in byBucket[bucket] {
                SessionsEventGenerator.append(user: user, count: count, dayStart: dayStart, tables: tables, to: &out)
            }
            let path = dir + "/events/dt=\(day)/bucket=" + String(format: "%03d", bucket) + "/part-00000.parquet"
            try DatasetFiles.write(try out.build(), to: path)
            return try fileSize(path)
        }
        return sizes.reduce(0, +) + (try writeDimensions(users: users.map(\.0), vocabulary: vocabulary, to: dir, seed: seed))
    }

    /// The users of the day and their event counts (summing to `events`).
    static func plan(events: Int, seed: UInt64) -> [(Int64, Int)] {
        var rng = SplitMix64(seed: seed ^ 0x5553_4552_53)
        var out: [(Int64, Int)] = []
        var user: Int64 = 1_000_000
        var left = events
        while left > 0 {
            user += 1 + Int64(rng.below(7))
            let count = min(left, max(1, Int((-log1p(-rng.unit()) * 40).rounded())))
            out.append((user, count))
            left -= count
        }
        return out
    }

    /// The title of catalogue item rank `rank`.
    static func title(rank: Int, vocabulary: QueryVocabulary) -> String {
        let base = String(decoding: vocabulary.queries[(rank * 7919) % vocabulary.queries.count], as: UTF8.self)
        return "\(base.capitalized) Model \(rank % 997)"
    }

    private static func writeDimensions(users: [Int64], vocabulary: QueryVocabulary, to dir: String, seed: UInt64) throws -> Int {
        var rng = SplitMix64(seed: seed ^ 0x4449_4D53)
        var u = BatchBuilder(DatasetSchemas.users)
        for user in users where rng.below(10) < 9 {
            u["user"].append(int64: user)
            u["gender"].append(string: ["f", "m", "u"][rng.below(3)])
            u["age"].append(optionalInt32: rng.below(10) == 0 ? nil : Int32(16 + rng.below(55)))
            u["city_tier"].append(optionalInt32: rng.below(10) == 0 ? nil : Int32(1 + rng.below(5)))
            u["registered"].append(string: "2024-01-01")
        }
        var items = BatchBuilder(DatasetSchemas.items)
        for rank in 0..<catalogueItems {
            items["item"].append(int64: 10_000_000 + Int64(rank))
            items["category"].append(int64: Int64(1 + SplitMix64.mix(UInt64(rank)) % categories))
            items["title"].append(string: title(rank: rank, vocabulary: vocabulary))
            items["price"].append(double: Double(99 + rank % 50_000) / 100)
        }
        var queries = BatchBuilder(DatasetSchemas.queries)
        for (rank, bytes) in vocabulary.queries.enumerated() {
            let h = SplitMix64.mix(UInt64(rank) ^ 0x51)
            queries["query"].append(string: String(decoding: bytes, as: UTF8.self))
            queries["category"].append(optionalInt64: h % 10 == 0 ? nil : Int64(1 + (h >> 8) % categories))
            queries["in_dictionary"].append(bool: h % 10 != 0)
            queries["searches"].append(int64: 0)
            queries["hint_clicks"].append(int64: 0)
            queries["candidate_count"].append(int64: 0)
        }
        var bytes = 0
        for (name, builder) in [("users", u), ("items", items), ("queries", queries)] {
            let path = dir + "/\(name)/dt=\(day)/part-00000.parquet"
            try DatasetFiles.write(try builder.build(), to: path)
            bytes += try fileSize(path)
        }
        return bytes
    }

    /// The Parquet files of `dataset` under `dir`, sorted.
    public static func files(_ dataset: String, in dir: String) -> [String] {
        let root = dir + "/" + dataset
        return (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".parquet") }.sorted().map { root + "/" + $0 }
    }
}
