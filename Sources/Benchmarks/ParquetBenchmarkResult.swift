/// Everything `aigq bench parquet` measured; ``textLines()`` and ``json()`` render it.
public struct ParquetBenchmarkResult: Sendable {
    /// The machine.
    public var machine: MachineInfo
    /// Rows of the events table.
    public var rows: Int
    /// Tool versions, ours first, then as the peers reported them.
    public var versions: [(String, String)]
    /// Where the files were kept (`--keep`), if they were.
    public var directory: String?
    /// Whether the peers ran.
    public var withPeers: Bool
    /// Size of the UNCOMPRESSED input.
    public var inputBytes = 0
    /// Peak RSS that `wait4` reports for a child doing nothing (`/bin/true`): Linux counts the
    /// launcher's image at spawn time, so every figure includes about this much.
    public var rssFloorBytes = 0
    /// What every tool scanned.
    public var scanSource = ""
    /// One entry per work item, thread count and tool, in run order.
    public var entries: [BenchmarkEntry] = []
    /// The written files, read back.
    public var written: [WrittenFile] = []
    /// Disagreements between the tools (row counts); empty when they all did the same work.
    public var problems: [String] = []

    init(machine: MachineInfo, rows: Int, versions: [(String, String)], directory: String?, withPeers: Bool) {
        self.machine = machine
        self.rows = rows
        self.versions = versions
        self.directory = directory
        self.withPeers = withPeers
    }

    /// Ours against one peer on one work item at one thread count.
    public struct Ratio: Sendable {
        /// The work item.
        public var work: String
        /// The thread count.
        public var threads: Int
        /// The peer.
        public var vs: BenchTool
        /// Peer median over our median: above 1 means we are faster.
        public var ratio: Double
    }

    /// Our ratio against every peer at the same thread count.
    public var ratios: [Ratio] {
        entries.filter { $0.tool == .aigq }.flatMap { ours in
            entries.filter { $0.tool != .aigq && $0.work == ours.work && $0.threads == ours.threads }
                .map { Ratio(work: ours.work, threads: ours.threads, vs: $0.tool, ratio: $0.median / ours.median) }
        }
    }

    /// The ratio for a task, thread count and peer, if measured.
    func ratio(_ task: ParquetWorker.Task, threads: Int, vs: BenchTool) -> Double? {
        let work = entries.first { $0.task == task }?.work
        return ratios.first { $0.work == work && $0.threads == threads && $0.vs == vs }?.ratio
    }

    /// The write entry of `tool` at `threads`, if measured.
    func entry(_ task: ParquetWorker.Task, tool: BenchTool, threads: Int) -> BenchmarkEntry? {
        entries.first { $0.task == task && $0.tool == tool && $0.threads == threads }
    }
}
