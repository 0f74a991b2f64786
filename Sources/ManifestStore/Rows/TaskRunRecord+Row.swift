import Foundation
import GRDB

extension TaskRunRecord {
    static let selection = """
        id, run_id, task_key, stage, day, shard, status, started_at, finished_at, attempt, error, \
        rows_in, rows_out, bytes_out, fingerprint
        """

    /// Decodes a row of `SELECT \(selection) FROM task_run`.
    init(row: Row) throws {
        let status: String = row["status"]
        guard let decoded = TaskRunStatus(rawValue: status) else {
            throw ManifestError.corruptRecord(table: "task_run", column: "status", value: status)
        }
        let finishedAt: Int64? = row["finished_at"]
        self.init(
            id: row["id"],
            runID: row["run_id"],
            taskKey: row["task_key"],
            stage: row["stage"],
            day: row["day"],
            shard: row["shard"],
            status: decoded,
            startedAt: StoredTime.date(row["started_at"]),
            finishedAt: finishedAt.map(StoredTime.date),
            attempt: row["attempt"],
            error: row["error"],
            rowsIn: row["rows_in"],
            rowsOut: row["rows_out"],
            bytesOut: row["bytes_out"],
            fingerprint: row["fingerprint"])
    }

    static func fetch(_ db: Database, id: Int64) throws -> TaskRunRecord? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM task_run WHERE id = ?", arguments: [id])
            .map(TaskRunRecord.init(row:))
    }

    static func fetchAll(_ db: Database, sql tail: String, arguments: StatementArguments) throws -> [TaskRunRecord] {
        try Row.fetchAll(db, sql: "SELECT \(selection) FROM task_run " + tail, arguments: arguments)
            .map(TaskRunRecord.init(row:))
    }
}
