/// What `aigq status` needs about one task, read from a single consistent snapshot.
public struct TaskOverview: Codable, Sendable, Equatable {
    /// The task's key.
    public var taskKey: String
    /// The last successful execution, if any.
    public var lastSuccess: TaskState?
    /// The most recent attempt of any status, if any.
    public var lastAttempt: TaskRunRecord?
    /// The shard rows currently recorded as produced by the task, ordered by dataset and path.
    public var outputs: [ShardRecord]

    /// Creates an overview.
    public init(taskKey: String, lastSuccess: TaskState?, lastAttempt: TaskRunRecord?, outputs: [ShardRecord]) {
        self.taskKey = taskKey
        self.lastSuccess = lastSuccess
        self.lastAttempt = lastAttempt
        self.outputs = outputs
    }
}
