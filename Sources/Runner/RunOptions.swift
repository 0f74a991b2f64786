/// What `aigq run` (and `aigq status`) should do.
public struct RunOptions: Sendable {
    /// Day partitions to run; empty means every day found in the source datasets.
    public var days: [String] = []
    /// Run only these stages and what they need (empty: every stage).
    public var targets: [String] = []
    /// Stages to rerun even when fresh (`--force`).
    public var force: [String] = []
    /// With ``force``: also rerun everything downstream of them (`--downstream`).
    public var downstream = false
    /// Print the plan and the cause of every task without running anything.
    public var dryRun = false
    /// After a failure, go on with tasks that do not depend on it.
    public var keepGoing = false
    /// Tasks run side by side (a `threads: all` task runs alone).
    public var jobs: Int = 2
    /// Wait for another run to release the workspace instead of failing.
    public var wait = false
    /// The command line, recorded in the manifest.
    public var commandLine = ""
    /// Base of the exponential back-off between retries, in seconds.
    public var retryBackoffSeconds = 0.5

    /// Default options.
    public init() {}
}
