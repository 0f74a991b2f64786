/// The state of a whole `aigq run` invocation.
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    /// The run has begun and not yet finished (or its process died; see ``interrupted``).
    case running
    /// Every task of the run succeeded, was cached, or was skipped on purpose.
    case succeeded
    /// At least one task failed.
    case failed
    /// The process stopped (killed, crashed, power loss) before it could finish the run.
    case interrupted
}
