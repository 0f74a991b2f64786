import GRDB

extension Manifest {
    /// The task run with this id, if any.
    public func taskRun(id: Int64) throws -> TaskRunRecord? {
        try read("read task run \(id)") { db in try TaskRunRecord.fetch(db, id: id) }
    }

    /// The task runs of a run, in the order they began.
    public func taskRuns(runID: Int64) throws -> [TaskRunRecord] {
        try read("list the task runs of run \(runID)") { db in
            try TaskRunRecord.fetchAll(db, sql: "WHERE run_id = ? ORDER BY id", arguments: [runID])
        }
    }

    /// The most recent attempt at a task, in any run and of any status.
    public func lastTaskRun(forKey taskKey: String) throws -> TaskRunRecord? {
        try read("read the last attempt at task '\(taskKey)'") { db in
            try TaskRunRecord.fetchAll(
                db, sql: "WHERE task_key = ? ORDER BY id DESC LIMIT 1", arguments: [taskKey]
            ).first
        }
    }

    /// The last successful execution of a task, if it ever succeeded.
    public func taskState(forKey taskKey: String) throws -> TaskState? {
        try read("read the state of task '\(taskKey)'") { db in try TaskState.fetch(db, key: taskKey) }
    }

    /// The last successful execution of every task that ever succeeded, ordered by task key.
    public func allTaskStates() throws -> [TaskState] {
        try read("list task states") { db in
            try Row.fetchAll(db, sql: "SELECT \(TaskState.selection) FROM task_state ORDER BY task_key")
                .map(TaskState.init(row:))
        }
    }

    /// A task's last success, last attempt and recorded outputs, read from one consistent snapshot.
    public func taskOverview(forKey taskKey: String) throws -> TaskOverview {
        try read("read the overview of task '\(taskKey)'") { db in
            TaskOverview(
                taskKey: taskKey,
                lastSuccess: try TaskState.fetch(db, key: taskKey),
                lastAttempt: try TaskRunRecord.fetchAll(
                    db, sql: "WHERE task_key = ? ORDER BY id DESC LIMIT 1", arguments: [taskKey]
                ).first,
                outputs: try ShardRecord.fetchAll(
                    db, sql: "WHERE producing_task_key = ? ORDER BY dataset, relative_path", arguments: [taskKey]))
        }
    }

    /// Forgets a task's last success and its shard rows (for a stage removed from the pipeline).
    /// Its task runs stay in the history. Returns whether a state existed.
    @discardableResult
    public func removeTaskState(forKey taskKey: String) throws -> Bool {
        try write("remove the state of task '\(taskKey)'") { db in
            try db.execute(sql: "DELETE FROM shard WHERE producing_task_key = ?", arguments: [taskKey])
            try db.execute(sql: "DELETE FROM task_state WHERE task_key = ?", arguments: [taskKey])
            return db.changesCount > 0
        }
    }
}
