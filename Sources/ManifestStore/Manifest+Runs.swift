public import Foundation
import GRDB

extension Manifest {
    /// Records the start of a run and returns it with its new id.
    ///
    /// - Parameters:
    ///   - pipeline: The pipeline's name.
    ///   - commandLine: The command line as typed, for `aigq runs`.
    ///   - pid: The running process's id (defaults to this process).
    ///   - host: The machine's host name (defaults to this machine).
    ///   - startedAt: The start time (defaults to now); stored with millisecond precision.
    @discardableResult
    public func beginRun(
        pipeline: String,
        commandLine: String,
        pid: Int32 = ProcessInfo.processInfo.processIdentifier,
        host: String = ProcessInfo.processInfo.hostName,
        startedAt: Date = Date()
    ) throws -> RunRecord {
        try write("begin a run of pipeline '\(pipeline)'") { db in
            try db.execute(
                sql: """
                    INSERT INTO run (started_at, status, command_line, pipeline, pid, host)
                    VALUES (?, 'running', ?, ?, ?, ?)
                    """,
                arguments: [StoredTime.milliseconds(startedAt), commandLine, pipeline, pid, host])
            let run = RunRecord(
                id: db.lastInsertedRowID, startedAt: StoredTime.rounded(startedAt), status: .running,
                commandLine: commandLine, pipeline: pipeline, pid: pid, host: host)
            try failpoint?(.beginRunBeforeCommit)
            return run
        }
    }

    /// Records the end of a running run and returns it.
    ///
    /// Task runs of the run still `running` become `interrupted` (the runner should have ended them).
    /// - Throws: ``ManifestError`` ``ManifestError/Code/notFound`` for an unknown id,
    ///   ``ManifestError/Code/invalidState`` if the run is not running, and
    ///   ``ManifestError/Code/invalidArgument`` for `status` ``RunStatus/running``.
    @discardableResult
    public func finishRun(id: Int64, status: RunStatus, finishedAt: Date = Date()) throws -> RunRecord {
        guard status != .running else {
            throw ManifestError.invalidArgument(
                "Cannot finish run '\(id)' with status 'running'; pass succeeded, failed or interrupted.")
        }
        return try write("finish run \(id)") { db in
            guard var run = try RunRecord.fetch(db, id: id) else { throw ManifestError.notFound("run", id: id) }
            guard run.status == .running else {
                throw ManifestError.notRunning("run", id: id, status: run.status.rawValue, action: "finish")
            }
            try interruptTaskRuns(db, runID: id, note: "the run finished while this task was still running")
            let finished = StoredTime.milliseconds(finishedAt)
            try db.execute(
                sql: "UPDATE run SET status = ?, finished_at = ? WHERE id = ?",
                arguments: [status.rawValue, finished, id])
            run.status = status
            run.finishedAt = StoredTime.date(finished)
            return run
        }
    }

    /// Marks every run still `running` as `interrupted`, with its running task runs; returns those runs.
    ///
    /// Call it at startup while holding the workspace lock: since only one run may hold the lock, a
    /// run found `running` belongs to a process that died. Each interrupted run's finish time is its
    /// last recorded activity (the latest start or finish of its task runs), not the time of discovery.
    @discardableResult
    public func markInterruptedRuns() throws -> [RunRecord] {
        try write("mark interrupted runs") { db in
            let running = try Row.fetchAll(
                db, sql: "SELECT \(RunRecord.selection) FROM run WHERE status = 'running' ORDER BY id"
            ).map(RunRecord.init(row:))
            var result: [RunRecord] = []
            for var run in running {
                try interruptTaskRuns(
                    db, runID: run.id,
                    note: "interrupted: aigq (pid \(run.pid) on \(run.host)) stopped before the task finished")
                let lastActivity =
                    try Int64.fetchOne(
                        db,
                        sql: """
                            SELECT MAX(MAX(started_at), COALESCE(MAX(finished_at), 0))
                            FROM task_run WHERE run_id = ?
                            """,
                        arguments: [run.id]) ?? 0
                let finished = max(StoredTime.milliseconds(run.startedAt), lastActivity)
                try db.execute(
                    sql: "UPDATE run SET status = 'interrupted', finished_at = ? WHERE id = ?",
                    arguments: [finished, run.id])
                run.status = .interrupted
                run.finishedAt = StoredTime.date(finished)
                result.append(run)
            }
            return result
        }
    }

    private func interruptTaskRuns(_ db: Database, runID: Int64, note: String) throws {
        try db.execute(
            sql: "UPDATE task_run SET status = 'interrupted', error = ? WHERE run_id = ? AND status = 'running'",
            arguments: [note, runID])
    }

    /// The run with this id, if any.
    public func run(id: Int64) throws -> RunRecord? {
        try read("read run \(id)") { db in try RunRecord.fetch(db, id: id) }
    }

    /// The most recent runs, newest first.
    public func runs(limit: Int = 50) throws -> [RunRecord] {
        try read("list runs") { db in
            try Row.fetchAll(
                db, sql: "SELECT \(RunRecord.selection) FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map(RunRecord.init(row:))
        }
    }

    /// The most recent runs, newest first, each with task counts and row totals (for `aigq runs`).
    public func runSummaries(limit: Int = 50) throws -> [RunSummary] {
        try read("summarise runs") { db in
            let runs = try Row.fetchAll(
                db, sql: "SELECT \(RunRecord.selection) FROM run ORDER BY id DESC LIMIT ?", arguments: [limit]
            ).map(RunRecord.init(row:))
            return try runs.map { run in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT status, COUNT(*) AS n, COALESCE(SUM(rows_in), 0) AS rows_in,
                               COALESCE(SUM(rows_out), 0) AS rows_out, COALESCE(SUM(bytes_out), 0) AS bytes_out
                        FROM task_run WHERE run_id = ? GROUP BY status
                        """,
                    arguments: [run.id])
                var summary = RunSummary(run: run, taskCounts: [:], rowsIn: 0, rowsOut: 0, bytesOut: 0)
                for row in rows {
                    let status: String = row["status"]
                    guard let decoded = TaskRunStatus(rawValue: status) else {
                        throw ManifestError.corruptRecord(table: "task_run", column: "status", value: status)
                    }
                    summary.taskCounts[decoded] = row["n"]
                    summary.rowsIn += row["rows_in"] as Int64
                    summary.rowsOut += row["rows_out"] as Int64
                    summary.bytesOut += row["bytes_out"] as Int64
                }
                return summary
            }
        }
    }
}
