public import Foundation
import GRDB

extension Manifest {
    /// Records the start of an attempt at a task within a running run, and returns it.
    ///
    /// The attempt number is counted by the manifest: 1 for the task's first attempt in this run,
    /// then 2, 3, … for each retry.
    /// - Throws: ``ManifestError`` ``ManifestError/Code/notFound`` if the run does not exist,
    ///   ``ManifestError/Code/invalidState`` if it is no longer running.
    @discardableResult
    public func beginTask(
        runID: Int64,
        taskKey: String,
        stage: String,
        day: String? = nil,
        shard: Int? = nil,
        fingerprint: String? = nil,
        startedAt: Date = Date()
    ) throws -> TaskRunRecord {
        try write("begin task '\(taskKey)' in run \(runID)") { db in
            try requireRunningRun(db, id: runID, action: "begin a task in")
            let attempt =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(attempt), 0) + 1 FROM task_run WHERE run_id = ? AND task_key = ?",
                    arguments: [runID, taskKey]) ?? 1
            let record = TaskRunRecord(
                id: 0, runID: runID, taskKey: taskKey, stage: stage, day: day, shard: shard, status: .running,
                startedAt: StoredTime.rounded(startedAt), attempt: attempt, fingerprint: fingerprint)
            return try insert(db, record)
        }
    }

    /// Records that a task did not run because an upstream task failed; `reason` says which.
    @discardableResult
    public func skipTask(
        runID: Int64,
        taskKey: String,
        stage: String,
        day: String? = nil,
        shard: Int? = nil,
        reason: String,
        at time: Date = Date()
    ) throws -> TaskRunRecord {
        try write("record skipped task '\(taskKey)' in run \(runID)") { db in
            try requireRunningRun(db, id: runID, action: "skip a task in")
            let stored = StoredTime.rounded(time)
            let record = TaskRunRecord(
                id: 0, runID: runID, taskKey: taskKey, stage: stage, day: day, shard: shard, status: .skipped,
                startedAt: stored, finishedAt: stored, attempt: 1, error: reason)
            return try insert(db, record)
        }
    }

    /// Records that a task was up to date (same fingerprint, outputs intact) and so did not run.
    @discardableResult
    public func recordCachedTask(
        runID: Int64,
        taskKey: String,
        stage: String,
        day: String? = nil,
        shard: Int? = nil,
        fingerprint: String,
        at time: Date = Date()
    ) throws -> TaskRunRecord {
        try write("record cached task '\(taskKey)' in run \(runID)") { db in
            try requireRunningRun(db, id: runID, action: "record a cached task in")
            return try insert(
                db,
                Self.cachedRecord(
                    runID: runID, taskKey: taskKey, stage: stage, day: day, shard: shard, fingerprint: fingerprint,
                    at: StoredTime.rounded(time)))
        }
    }

    /// The task-run row of a task found up to date.
    static func cachedRecord(
        runID: Int64, taskKey: String, stage: String, day: String?, shard: Int?, fingerprint: String, at stored: Date
    ) -> TaskRunRecord {
        TaskRunRecord(
            id: 0, runID: runID, taskKey: taskKey, stage: stage, day: day, shard: shard, status: .cached,
            startedAt: stored, finishedAt: stored, attempt: 1, fingerprint: fingerprint)
    }

    /// Records that a running attempt failed with `error`, and returns it.
    ///
    /// The task's ``TaskState`` and shards (its last success) are left as they were.
    @discardableResult
    public func failTask(id: Int64, error: String, finishedAt: Date = Date()) throws -> TaskRunRecord {
        try write("record the failure of task run \(id)") { db in
            var taskRun = try requireRunningTaskRun(db, id: id, action: "fail")
            let finished = StoredTime.milliseconds(finishedAt)
            try db.execute(
                sql: "UPDATE task_run SET status = 'failed', finished_at = ?, error = ? WHERE id = ?",
                arguments: [finished, error, id])
            taskRun.status = .failed
            taskRun.finishedAt = StoredTime.date(finished)
            taskRun.error = error
            return taskRun
        }
    }

    /// Records a successful attempt, all in one transaction: the task run becomes `succeeded`, the
    /// task's ``TaskState`` is replaced by `state`, and the task's shard rows are replaced by `outputs`
    /// (rows of shards the task produced before but not now are deleted; a shard at a path that
    /// another task produced before now belongs to this task).
    ///
    /// Call it only after the output files are fsynced and renamed into place.
    /// `state.runID` and `state.succeededAt` are set from the task run and `finishedAt`.
    /// - Returns: The updated task run.
    /// - Throws: ``ManifestError`` ``ManifestError/Code/invalidArgument`` if `state` or an output names
    ///   another task or fingerprint, or two outputs share a path; ``ManifestError/Code/notFound`` /
    ///   ``ManifestError/Code/invalidState`` if the task run does not exist or is not running.
    ///   Nothing is written when it throws.
    @discardableResult
    public func completeTask(
        taskRunID: Int64,
        state: TaskState,
        outputs: [ShardRecord],
        rowsIn: Int64? = nil,
        rowsOut: Int64? = nil,
        bytesOut: Int64? = nil,
        finishedAt: Date = Date()
    ) throws -> TaskRunRecord {
        try Self.validate(outputs: outputs, of: state)
        return try write("record the completion of task run \(taskRunID)") { db in
            var taskRun = try requireRunningTaskRun(db, id: taskRunID, action: "complete")
            guard taskRun.taskKey == state.taskKey else {
                throw ManifestError.invalidArgument(
                    "Task run \(taskRunID) is an attempt at '\(taskRun.taskKey)', but the state passed to "
                        + "completeTask is for '\(state.taskKey)'. Pass the state of the task that ran.")
            }
            let finished = StoredTime.milliseconds(finishedAt)
            try db.execute(
                sql: """
                    UPDATE task_run SET status = 'succeeded', finished_at = ?, rows_in = ?, rows_out = ?,
                        bytes_out = ?, fingerprint = ? WHERE id = ?
                    """,
                arguments: [finished, rowsIn, rowsOut, bytesOut, state.fingerprint, taskRunID])
            var stored = state
            stored.runID = taskRun.runID
            stored.succeededAt = StoredTime.date(finished)
            try stored.replace(db)
            try db.execute(sql: "DELETE FROM shard WHERE producing_task_key = ?", arguments: [state.taskKey])
            for shard in outputs {
                try shard.upsert(db)
            }
            try failpoint?(.completeTaskBeforeCommit)
            taskRun.status = .succeeded
            taskRun.finishedAt = stored.succeededAt
            taskRun.rowsIn = rowsIn
            taskRun.rowsOut = rowsOut
            taskRun.bytesOut = bytesOut
            taskRun.fingerprint = state.fingerprint
            return taskRun
        }
    }

    private static func validate(outputs: [ShardRecord], of state: TaskState) throws {
        var seen = Set<[String]>()
        for shard in outputs {
            guard shard.producingTaskKey == state.taskKey, shard.producingFingerprint == state.fingerprint else {
                throw ManifestError.invalidArgument(
                    "Output '\(shard.dataset)/\(shard.relativePath)' names producer '\(shard.producingTaskKey)' "
                        + "with fingerprint '\(shard.producingFingerprint)', but the task completing is "
                        + "'\(state.taskKey)' with fingerprint '\(state.fingerprint)'. "
                        + "Build outputs from the task's state.")
            }
            guard seen.insert([shard.dataset, shard.relativePath]).inserted else {
                throw ManifestError.invalidArgument(
                    "Output '\(shard.dataset)/\(shard.relativePath)' is listed twice for task '\(state.taskKey)'. "
                        + "List each output shard once.")
            }
        }
    }

    func insert(_ db: Database, _ record: TaskRunRecord) throws -> TaskRunRecord {
        try db.execute(
            sql: """
                INSERT INTO task_run (run_id, task_key, stage, day, shard, status, started_at, finished_at,
                    attempt, error, rows_in, rows_out, bytes_out, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.runID, record.taskKey, record.stage, record.day, record.shard, record.status.rawValue,
                StoredTime.milliseconds(record.startedAt), record.finishedAt.map(StoredTime.milliseconds),
                record.attempt, record.error, record.rowsIn, record.rowsOut, record.bytesOut, record.fingerprint,
            ])
        var inserted = record
        inserted.id = db.lastInsertedRowID
        return inserted
    }

    func requireRunningRun(_ db: Database, id: Int64, action: String) throws {
        guard let run = try RunRecord.fetch(db, id: id) else { throw ManifestError.notFound("run", id: id) }
        guard run.status == .running else {
            throw ManifestError.notRunning("run", id: id, status: run.status.rawValue, action: action)
        }
    }

    private func requireRunningTaskRun(_ db: Database, id: Int64, action: String) throws -> TaskRunRecord {
        guard let taskRun = try TaskRunRecord.fetch(db, id: id) else {
            throw ManifestError.notFound("task run", id: id)
        }
        guard taskRun.status == .running else {
            throw ManifestError.notRunning("task run", id: id, status: taskRun.status.rawValue, action: action)
        }
        return taskRun
    }
}
