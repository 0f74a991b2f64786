/// What the runner reports while it works, for progress displays and logs.
public enum RunEvent: Sendable {
    /// The plan has this many tasks.
    case planned(tasks: Int)
    /// A task started.
    case started(task: String)
    /// A task finished (ran, fresh, failed or skipped).
    case finished(TaskOutcome)
    /// Something worth telling (leftovers removed, interrupted runs found).
    case note(String)
}
