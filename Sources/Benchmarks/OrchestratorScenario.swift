/// A scenario of `aigq bench orchestrator`: what changes in the workspace before the tool runs.
public enum OrchestratorScenario: String, CaseIterable, Sendable {
    /// Everything built from nothing (one cold run per tool; reported, not a goal).
    case build = "full build"
    /// Nothing changed since the last run.
    case noop = "no-op"
    /// One shard's mtime moved to now, its bytes unchanged.
    case touch = "touch 1 shard"
    /// A few bytes of one shard rewritten in place (same size, new mtime).
    case change = "change 1 shard"

    /// The key used in JSON (`noop`, `touch`, …).
    public var key: String {
        switch self {
        case .build: "build"
        case .noop: "noop"
        case .touch: "touch"
        case .change: "change"
        }
    }
}
