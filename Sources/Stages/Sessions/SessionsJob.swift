import Columnar
import Foundation

/// The work of the sessions stage without the pipeline around it (the stage and `aigq bench
/// sessions` both run it): groups the `events` shards by bucket, sessionises the buckets on up to
/// `threads` threads (memory: one bucket's window per thread), and writes each bucket's rows as
/// `bucket=NNN/part-00000.parquet` of the same bucket number (the same users) into the output folders.
package struct SessionsJob: Sendable {
    /// Rows read and written.
    package struct Counts: Sendable, Equatable {
        package var events = 0
        package var behaviors = 0
        package var directSessions = 0
        package var thinkSessions = 0
        /// All rows written.
        package var written: Int { behaviors + directSessions + thinkSessions }
    }

    /// The resolved params.
    package var options: SessionsOptions
    /// The day's dimensions.
    var dimensions: SessionDimensions

    /// A job reading the dimension snapshots from their files.
    package init(options: SessionsOptions, users: [String], items: [String], queries: [String]) throws {
        self.options = options
        self.dimensions = try SessionDimensions(users: users, items: items, queries: queries)
    }

    /// Sessionises `eventFiles` (shards `…/dt=DAY/bucket=NNN/part-*.parquet`; days after the
    /// job's day are ignored) into `folders` (one per output of ``SessionsOptions/outputs``).
    package func run(eventFiles: [String], folders: [SessionsOptions.Output: String], threads: Int) throws -> Counts {
        let buckets = try Self.shardsByBucket(DatasetFiles.parquet(eventFiles), through: options.day)
        MallocTuning.apply()
        let sessionizer = BucketSessionizer(options: options, dimensions: dimensions)
        let counts = try parallelMap(buckets.count, threads: max(1, threads)) { i -> Counts in
            let (bucket, shards) = buckets[i]
            let events = try BucketEvents(shards: shards)
            let out = sessionizer.run(events)
            var counts = Counts(events: events.count)
            let name = "bucket=" + bucket + "/part-00000.parquet"
            if let folder = folders[.behaviors], out.behaviors.user.count > 0 {
                counts.behaviors = try DatasetFiles.write(try out.behaviors.batch(), to: folder + "/" + name)
            }
            if let folder = folders[.directSessions], out.direct.user.count > 0 {
                counts.directSessions = try DatasetFiles.write(try out.direct.batch(), to: folder + "/" + name)
            }
            if let folder = folders[.thinkSessions], out.think.user.count > 0 {
                counts.thinkSessions = try DatasetFiles.write(try out.think.batch(), to: folder + "/" + name)
            }
            return counts
        }
        return counts.reduce(into: Counts()) { total, c in
            total.events += c.events
            total.behaviors += c.behaviors
            total.directSessions += c.directSessions
            total.thinkSessions += c.thinkSessions
        }
    }

    /// The shards of each bucket (`NNN` of `bucket=NNN`), buckets ascending, each bucket's shards
    /// by day then path; shards of days after `day` are left out.
    static func shardsByBucket(_ files: [String], through day: String) throws -> [(String, [String])] {
        var groups: [String: [(day: String, path: String)]] = [:]
        for path in files {
            guard let bucket = bucketName(of: path) else {
                throw StageError(.badInput, "'\(path)' is not in a 'bucket=NNN' folder; events must be user-keyed shards as the ingest stage writes them")
            }
            let shardDay = DatasetFiles.day(of: path) ?? day
            guard shardDay <= day else { continue }
            groups[bucket, default: []].append((shardDay, path))
        }
        return groups.keys.sorted().map { bucket in
            (bucket, groups[bucket]!.sorted { ($0.day, $0.path) < ($1.day, $1.path) }.map(\.path))
        }
    }

    /// The `NNN` of a path's `bucket=NNN` folder, if any.
    static func bucketName(of path: String) -> String? {
        for part in path.split(separator: "/") where part.hasPrefix("bucket=") && part.count > 7 {
            return String(part.dropFirst(7))
        }
        return nil
    }
}
