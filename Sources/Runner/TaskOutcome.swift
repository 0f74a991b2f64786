/// What happened to one task in a run (or would happen, in a dry run).
public struct TaskOutcome: Hashable, Sendable, Codable {
    /// How the task ended.
    public enum Status: String, Hashable, Sendable, Codable {
        /// It ran and succeeded.
        case ran
        /// It was fresh: nothing to do.
        case fresh
        /// It failed (after its retries).
        case failed
        /// It was not run because a task it needs failed or was skipped, or the run stopped.
        case skipped
        /// Dry run: it would run.
        case wouldRun = "would-run"
    }

    /// The task key (`sessions@dt=2026-11-23`).
    public var task: String
    /// The stage.
    public var stage: String
    /// How it ended.
    public var status: Status
    /// The staleness verdict before it ran: `fresh`, `stale` or `missing` (nil if it was never judged).
    public var state: String?
    /// Why it ran, would run, or was skipped.
    public var causes: [String]
    /// The error, for a failed task.
    public var error: String?
    /// Attempts made.
    public var attempts: Int
    /// Wall time in seconds.
    public var seconds: Double
    /// Rows read and written, when the stage counts them.
    public var rowsIn: Int?
    public var rowsOut: Int?
}

/// The result of `aigq run`: every task's outcome, in plan order.
public struct RunReport: Sendable, Codable {
    /// The manifest's run id (nil for a dry run).
    public var runID: Int64?
    /// One outcome per planned task.
    public var outcomes: [TaskOutcome]

    /// Whether any task failed.
    public var failed: Bool { outcomes.contains { $0.status == .failed } }
    /// Count of outcomes with `status`.
    public func count(_ status: TaskOutcome.Status) -> Int { outcomes.filter { $0.status == status }.count }
}
