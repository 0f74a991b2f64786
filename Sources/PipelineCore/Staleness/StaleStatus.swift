/// Whether a task's outputs are up to date (dagster's `StaleStatus`).
public enum StaleStatus: String, Hashable, Sendable, CustomStringConvertible {
    /// The task never succeeded: there is nothing to be fresh.
    case missing
    /// The task succeeded once, but something has changed since (see its ``StaleCause``s).
    case stale
    /// The last success still holds: same fingerprint, outputs intact.
    case fresh

    /// `missing`, `stale` or `fresh`.
    public var description: String { rawValue }
}
