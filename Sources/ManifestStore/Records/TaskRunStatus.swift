/// The state of one attempt at one task (a stage for a day partition and, for map-like stages, a shard).
public enum TaskRunStatus: String, Codable, Sendable, CaseIterable {
    /// The attempt has begun and not yet finished.
    case running
    /// The attempt produced its outputs and they were recorded.
    case succeeded
    /// The attempt threw; its error text is in ``TaskRunRecord/error``.
    case failed
    /// The task did not run because an upstream task failed (the reason is in ``TaskRunRecord/error``).
    case skipped
    /// The task's fingerprint and outputs were unchanged, so it did not run.
    case cached
    /// The process stopped while the attempt was running.
    case interrupted
}
