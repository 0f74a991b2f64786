/// The verdict on one task: its status, every cause found (in check order), and its current fingerprint.
public struct TaskStaleness: Hashable, Sendable, CustomStringConvertible {
    /// The task.
    public var task: TaskKey
    /// Missing, stale or fresh.
    public var status: StaleStatus
    /// Why it is missing or stale (empty when fresh): forced, failed, code, params, inputs, outputs.
    public var causes: [StaleCause]
    /// The fingerprint the task has now, to record after a successful run.
    public var fingerprint: Fingerprint

    /// Creates a verdict.
    public init(task: TaskKey, status: StaleStatus, causes: [StaleCause], fingerprint: Fingerprint) {
        self.task = task
        self.status = status
        self.causes = causes
        self.fingerprint = fingerprint
    }

    /// Whether the runner should run the task.
    public var needsRun: Bool { status != .fresh }

    /// `sessions@dt=2026-11-23 stale: param lr changed 3e-4 → 1e-3; code version 2 → 3`, as `aigq status` prints.
    public var description: String {
        "\(task) \(status)" + (causes.isEmpty ? "" : ": " + causes.map(\.reason).joined(separator: "; "))
    }
}
