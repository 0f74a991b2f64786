public import Foundation

/// One attempt at one task within a run: its status, times, error and row counts.
///
/// A task is identified by its ``taskKey`` (chosen by the runner, e.g. `sessions/dt=2026-11-23/3`);
/// ``stage``, ``day`` and ``shard`` repeat its parts so that history can be filtered without parsing.
public struct TaskRunRecord: Codable, Sendable, Equatable, Identifiable {
    /// The task run's id, increasing across the whole manifest.
    public var id: Int64
    /// The run this attempt belongs to.
    public var runID: Int64
    /// The task's stable key.
    public var taskKey: String
    /// The stage name (`ingest`, `sessions`, …).
    public var stage: String
    /// The day partition (`YYYY-MM-DD`), if the task is per day.
    public var day: String?
    /// The shard (user bucket) index, if the task is per shard.
    public var shard: Int?
    /// The attempt's state.
    public var status: TaskRunStatus
    /// When the attempt began (or when it was skipped or found cached).
    public var startedAt: Date
    /// When the attempt ended; `nil` while running, and for interrupted attempts.
    public var finishedAt: Date?
    /// The attempt number within its run, from 1; retries count up.
    public var attempt: Int
    /// The error of a failed attempt, the reason of a skipped one, or a note on an interrupted one.
    public var error: String?
    /// Rows read, if the task reported them.
    public var rowsIn: Int64?
    /// Rows written, if the task reported them.
    public var rowsOut: Int64?
    /// Bytes written, if the task reported them.
    public var bytesOut: Int64?
    /// The task's fingerprint for this attempt, if computed.
    public var fingerprint: String?

    /// Creates a task run record.
    public init(
        id: Int64,
        runID: Int64,
        taskKey: String,
        stage: String,
        day: String? = nil,
        shard: Int? = nil,
        status: TaskRunStatus,
        startedAt: Date,
        finishedAt: Date? = nil,
        attempt: Int,
        error: String? = nil,
        rowsIn: Int64? = nil,
        rowsOut: Int64? = nil,
        bytesOut: Int64? = nil,
        fingerprint: String? = nil
    ) {
        self.id = id
        self.runID = runID
        self.taskKey = taskKey
        self.stage = stage
        self.day = day
        self.shard = shard
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.attempt = attempt
        self.error = error
        self.rowsIn = rowsIn
        self.rowsOut = rowsOut
        self.bytesOut = bytesOut
        self.fingerprint = fingerprint
    }

    /// The attempt's wall-clock duration in seconds, or `nil` while it has no ``finishedAt``.
    public var duration: TimeInterval? { finishedAt.map { $0.timeIntervalSince(startedAt) } }
}
