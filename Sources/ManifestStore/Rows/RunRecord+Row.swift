import Foundation
import GRDB

extension RunRecord {
    static let selection = "id, started_at, finished_at, status, command_line, pipeline, pid, host"

    /// Decodes a row of `SELECT \(selection) FROM run`.
    init(row: Row) throws {
        let status: String = row["status"]
        guard let decoded = RunStatus(rawValue: status) else {
            throw ManifestError.corruptRecord(table: "run", column: "status", value: status)
        }
        let finishedAt: Int64? = row["finished_at"]
        self.init(
            id: row["id"],
            startedAt: StoredTime.date(row["started_at"]),
            finishedAt: finishedAt.map(StoredTime.date),
            status: decoded,
            commandLine: row["command_line"],
            pipeline: row["pipeline"],
            pid: row["pid"],
            host: row["host"])
    }

    static func fetch(_ db: Database, id: Int64) throws -> RunRecord? {
        try Row.fetchOne(db, sql: "SELECT \(selection) FROM run WHERE id = ?", arguments: [id])
            .map(RunRecord.init(row:))
    }
}
