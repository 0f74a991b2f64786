/// Everything `aigq bench ingest` measured; ``textLines()`` and ``json()`` render it.
public struct IngestBenchmarkResult: Sendable {
    /// The machine.
    public var machine: MachineInfo
    /// Events of the day (as generated).
    public var events: Int
    /// Tool versions, ours first, then as the peers reported them.
    public var versions: [(String, String)]
    /// Where the files were kept (`--keep`), if they were.
    public var directory: String?
    /// Whether the peers ran.
    public var withPeers: Bool
    /// Size of the JSON Lines input.
    public var inputBytes = 0
    /// Peak RSS `wait4` reports for a child doing nothing (`/bin/true`).
    public var rssFloorBytes = 0
    /// The 1-minute load average before and after the run.
    public var loadBefore = 0.0
    public var loadAfter = 0.0
    /// One entry per thread count and tool, in run order.
    public var entries: [BenchmarkEntry] = []
    /// Disagreements (row counts); empty when every tool wrote every event.
    public var problems: [String] = []

    init(machine: MachineInfo, events: Int, versions: [(String, String)], directory: String?, withPeers: Bool) {
        self.machine = machine
        self.events = events
        self.versions = versions
        self.directory = directory
        self.withPeers = withPeers
    }

    /// Our ratio against every peer at the same thread count (peer median / our median).
    public var ratios: [ParquetBenchmarkResult.Ratio] {
        entries.filter { $0.tool == .aigq }.flatMap { ours in
            entries.filter { $0.tool != .aigq && $0.threads == ours.threads }
                .map { ParquetBenchmarkResult.Ratio(work: ours.work, threads: ours.threads, vs: $0.tool, ratio: $0.median / ours.median) }
        }
    }

    /// The entry of `tool` at `threads`, if measured.
    func entry(_ tool: BenchTool, threads: Int) -> BenchmarkEntry? {
        entries.first { $0.tool == tool && $0.threads == threads }
    }

    /// Whether every check passed.
    public var checksPassed: Bool { problems.isEmpty }
}
