/// Everything `aigq bench orchestrator` measured; ``textLines()`` and ``json()`` render it.
public struct OrchestratorBenchmarkResult: Sendable {
    /// The machine.
    public var machine: MachineInfo
    /// Input shards.
    public var shards: Int
    /// Size of each shard in kB.
    public var shardKB: Int
    /// Jobs given to every tool that runs tasks side by side.
    public var jobs: Int
    /// Tool versions, ours first.
    public var versions: [(String, String)]
    /// Where the folders were kept (`--keep`), if they were.
    public var directory: String?
    /// Whether the peers ran.
    public var withPeers: Bool
    /// The shard touched and changed (its stem, e.g. `shard-00500`).
    public var target: String
    /// Peak RSS that `wait4` reports for a child doing nothing (`/bin/true`).
    public var rssFloorBytes = 0
    /// One entry per scenario and tool, in run order.
    public var entries: [OrchestratorEntry] = []
    /// Disagreements between the tools; empty when they all did the same work.
    public var problems: [String] = []

    init(machine: MachineInfo, shards: Int, shardKB: Int, jobs: Int, versions: [(String, String)], directory: String?, withPeers: Bool, target: String) {
        self.machine = machine
        self.shards = shards
        self.shardKB = shardKB
        self.jobs = jobs
        self.versions = versions
        self.directory = directory
        self.withPeers = withPeers
        self.target = target
    }

    /// Ours against one peer in one scenario.
    public struct Ratio: Sendable {
        /// The scenario.
        public var scenario: OrchestratorScenario
        /// The peer.
        public var vs: OrchestratorTool
        /// Peer median over our median: above 1 means we are faster.
        public var ratio: Double
    }

    /// Our ratio against every peer in every scenario.
    public var ratios: [Ratio] {
        entries.filter { $0.tool == .aigq }.flatMap { ours in
            entries.filter { $0.tool != .aigq && $0.scenario == ours.scenario }
                .map { Ratio(scenario: ours.scenario, vs: $0.tool, ratio: $0.median / ours.median) }
        }
    }

    /// The ratio for a scenario and peer, if measured.
    func ratio(_ scenario: OrchestratorScenario, vs: OrchestratorTool) -> Double? {
        ratios.first { $0.scenario == scenario && $0.vs == vs }?.ratio
    }

    /// The entry of `tool` in `scenario`, if measured.
    func entry(_ scenario: OrchestratorScenario, _ tool: OrchestratorTool) -> OrchestratorEntry? {
        entries.first { $0.scenario == scenario && $0.tool == tool }
    }

    /// Tasks in one full build.
    var pipelineTasks: Int { OrchestratorPipeline.taskCount(shards: shards) }

    /// Whether every check passed.
    public var checksPassed: Bool { problems.isEmpty }
}
