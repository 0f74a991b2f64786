public import Foundation
import GRDB

/// Whole-manifest reads and batched writes, so a run over thousands of fresh tasks costs a few
/// queries and one transaction instead of several per task.
extension Manifest {
    /// The last attempt at every task, keyed by task key.
    public func lastTaskRuns() throws -> [String: TaskRunRecord] {
        try read("read the last attempt at every task") { db in
            let runs = try TaskRunRecord.fetchAll(
                db, sql: "WHERE id IN (SELECT MAX(id) FROM task_run GROUP BY task_key)", arguments: [])
            return Dictionary(runs.map { ($0.taskKey, $0) }, uniquingKeysWith: { a, b in a.id > b.id ? a : b })
        }
    }

    /// Every remembered checksum, keyed by path.
    public func allCachedChecksums() throws -> [String: HashCacheEntry] {
        try read("read the checksum cache") { db in
            var out: [String: HashCacheEntry] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, mtime_ns, inode, checksum FROM hash_cache")
            while let row = try rows.next() {
                let path: String = row[0]
                out[path] = HashCacheEntry(
                    path: path, size: row[1], mtimeNanoseconds: row[2], inode: UInt64(bitPattern: row[3]), checksum: row[4])
            }
            return out
        }
    }

    /// A task found up to date, to record with ``recordCachedTasks(runID:_:at:)``.
    public struct CachedTask: Sendable {
        public var taskKey: String
        public var stage: String
        public var day: String?
        public var fingerprint: String
        /// Creates a record request.
        public init(taskKey: String, stage: String, day: String?, fingerprint: String) {
            self.taskKey = taskKey
            self.stage = stage
            self.day = day
            self.fingerprint = fingerprint
        }
    }

    /// Records many up-to-date tasks in one transaction (see ``recordCachedTask(runID:taskKey:stage:day:shard:fingerprint:at:)``).
    public func recordCachedTasks(runID: Int64, _ tasks: [CachedTask], at time: Date = Date()) throws {
        guard !tasks.isEmpty else { return }
        try write("record \(tasks.count) cached task(s) in run \(runID)") { db in
            try requireRunningRun(db, id: runID, action: "record cached tasks in")
            let stored = StoredTime.rounded(time)
            for task in tasks {
                _ = try insert(
                    db,
                    Self.cachedRecord(
                        runID: runID, taskKey: task.taskKey, stage: task.stage, day: task.day, shard: nil,
                        fingerprint: task.fingerprint, at: stored))
            }
        }
    }
}
