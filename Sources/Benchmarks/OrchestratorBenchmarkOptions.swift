/// What `aigq bench orchestrator` runs.
public struct OrchestratorBenchmarkOptions: Sendable {
    /// Input shards (one `ingest` task each).
    public var shards = 1000
    /// Size of each shard in kB (1000 bytes).
    public var shardKB = 100
    /// Measured repetitions per scenario and tool after one warm-up; `nil`: 3, or 5 when every
    /// warm-up of the scenario took under a second.
    public var reps: Int?
    /// Tasks run side by side by every tool that can (DVC cannot).
    public var jobs = 2
    /// Where to put the tools' folders; `nil`: a fresh temporary folder.
    public var directory: String?
    /// Keep the folders after the run.
    public var keep = false
    /// The peers; `nil` runs ours alone.
    public var peers: OrchestratorPeers?
    /// The peers to run (default all of them).
    public var peerTools: [OrchestratorTool] = OrchestratorTool.peers
    /// Our executable (`aigq`), run as `aigq run --workspace . --pipeline pipeline.yaml`.
    public var executable: String
    /// Our version, as printed in the report.
    public var version: String
    /// Seed of the generated shards.
    public var seed: UInt64 = 20_261_125

    /// Options with the defaults above.
    public init(executable: String, version: String) {
        self.executable = executable
        self.version = version
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard shards >= 2 else { throw BenchmarkError("--shards must be at least 2 (got \(shards))") }
        guard shards <= 99_999 else { throw BenchmarkError("--shards must be at most 99999 (got \(shards))") }
        guard shardKB >= 1 else { throw BenchmarkError("--shard-kb must be at least 1 (got \(shardKB))") }
        if let reps, reps < 1 { throw BenchmarkError("--reps must be at least 1 (got \(reps))") }
        guard jobs >= 1 else { throw BenchmarkError("--jobs must be at least 1 (got \(jobs))") }
    }

    /// The tools measured, ours first.
    var tools: [OrchestratorTool] { peers == nil ? [.aigq] : [.aigq] + OrchestratorTool.peers.filter(peerTools.contains) }
}
