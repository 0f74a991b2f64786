import Foundation
import GRDB

extension ShardRecord {
    static let selection = """
        dataset, relative_path, size, mtime_ns, inode, checksum, producing_task_key, producing_fingerprint, \
        recorded_at
        """

    /// Decodes a row of `SELECT \(selection) FROM shard`.
    init(row: Row) {
        let inode: Int64 = row["inode"]
        self.init(
            dataset: row["dataset"],
            relativePath: row["relative_path"],
            size: row["size"],
            mtimeNanoseconds: row["mtime_ns"],
            inode: UInt64(bitPattern: inode),
            checksum: row["checksum"],
            producingTaskKey: row["producing_task_key"],
            producingFingerprint: row["producing_fingerprint"],
            recordedAt: StoredTime.date(row["recorded_at"]))
    }

    static func fetchAll(_ db: Database, sql tail: String, arguments: StatementArguments) throws -> [ShardRecord] {
        try Row.fetchAll(db, sql: "SELECT \(selection) FROM shard " + tail, arguments: arguments)
            .map(ShardRecord.init(row:))
    }

    /// Inserts the shard, replacing any row at the same (dataset, path), whoever produced it.
    func upsert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO shard (\(Self.selection)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dataset, relative_path) DO UPDATE SET
                    size = excluded.size, mtime_ns = excluded.mtime_ns, inode = excluded.inode,
                    checksum = excluded.checksum, producing_task_key = excluded.producing_task_key,
                    producing_fingerprint = excluded.producing_fingerprint, recorded_at = excluded.recorded_at
                """,
            arguments: [
                dataset, relativePath, size, mtimeNanoseconds, Int64(bitPattern: inode), checksum,
                producingTaskKey, producingFingerprint, StoredTime.milliseconds(recordedAt),
            ])
    }
}
