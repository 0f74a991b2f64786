/// A run with totals over its task runs, for `aigq runs`.
public struct RunSummary: Codable, Sendable, Equatable {
    /// The run.
    public var run: RunRecord
    /// How many task runs ended in each status (statuses with no task run are absent).
    public var taskCounts: [TaskRunStatus: Int]
    /// The sum of ``TaskRunRecord/rowsIn`` over the run's task runs (missing values count as 0).
    public var rowsIn: Int64
    /// The sum of ``TaskRunRecord/rowsOut`` over the run's task runs.
    public var rowsOut: Int64
    /// The sum of ``TaskRunRecord/bytesOut`` over the run's task runs.
    public var bytesOut: Int64

    /// Creates a summary.
    public init(run: RunRecord, taskCounts: [TaskRunStatus: Int], rowsIn: Int64, rowsOut: Int64, bytesOut: Int64) {
        self.run = run
        self.taskCounts = taskCounts
        self.rowsIn = rowsIn
        self.rowsOut = rowsOut
        self.bytesOut = bytesOut
    }
}
