import Foundation

/// Everything `aigq bench sessions` measured; ``textLines()`` and ``json()`` render it.
public struct SessionsBenchmarkResult: Sendable {
    /// One tool's repetitions at one thread count.
    public struct Entry: Sendable {
        /// The work item's label.
        public var work: String
        /// The tool.
        public var tool: BenchTool
        /// Its thread count.
        public var threads: Int
        /// The measured repetitions (warm-up excluded).
        public var samples: [BenchmarkEntry.Sample]

        /// Median seconds.
        public var median: Double { samples.medianSeconds }
        /// Fastest and slowest repetitions.
        public var min: Double { samples.map(\.seconds).min() ?? 0 }
        public var max: Double { samples.map(\.seconds).max() ?? 0 }
        /// Events per second at the median.
        public var throughput: Double { Double(samples.first?.rows ?? 0) / median }
        /// The highest peak RSS of the repetitions, in MiB.
        public var peakRSSMiB: Double { samples.peakRSSMiB }
        /// Bytes of output written (last repetition).
        public var outputBytes: Int { samples.last?.bytes ?? 0 }
    }

    /// One tool's outputs, fingerprinted (``SessionsChecksum``).
    public struct Output: Sendable {
        public var tool: BenchTool
        public var directRows: Int
        public var directSum: String
        public var behaviorRows: Int
        public var behaviorSum: String
    }

    /// Ours against one peer at one thread count.
    public struct Ratio: Sendable {
        public var work: String
        public var threads: Int
        public var vs: BenchTool
        /// Peer median over our median: above 1 means we are faster.
        public var ratio: Double
    }

    /// The machine.
    public var machine: MachineInfo
    /// Events of the day.
    public var events: Int
    /// Tool versions, ours first.
    public var versions: [(String, String)]
    /// Where the files were kept (`--keep`), if they were.
    public var directory: String?
    /// Whether the peers ran.
    public var withPeers: Bool
    /// Size of the input (shards and dims).
    public var inputBytes = 0
    /// Peak RSS that `wait4` reports for a child doing nothing.
    public var rssFloorBytes = 0
    /// One entry per thread count and tool.
    public var entries: [Entry] = []
    /// Each tool's outputs.
    public var outputs: [Output] = []
    /// Disagreements found while running (event counts).
    public var problems: [String] = []

    init(machine: MachineInfo, events: Int, versions: [(String, String)], directory: String?, withPeers: Bool) {
        self.machine = machine
        self.events = events
        self.versions = versions
        self.directory = directory
        self.withPeers = withPeers
    }

    /// Our ratio against every peer at the same thread count.
    public var ratios: [Ratio] {
        entries.filter { $0.tool == .aigq }.flatMap { ours in
            entries.filter { $0.tool != .aigq && $0.threads == ours.threads }
                .map { Ratio(work: ours.work, threads: ours.threads, vs: $0.tool, ratio: $0.median / ours.median) }
        }
    }

    /// The outputs that differ from ours (row counts or checksums).
    public var mismatches: [String] {
        guard let ours = outputs.first(where: { $0.tool == .aigq }) else { return ["our outputs were not checked"] }
        var out: [String] = []
        for other in outputs where other.tool != .aigq {
            if other.directRows != ours.directRows || other.directSum != ours.directSum {
                out.append("\(other.tool.rawValue)'s direct_sessions: \(other.directRows) rows, checksum \(other.directSum); ours: \(ours.directRows) rows, \(ours.directSum)")
            }
            if other.behaviorRows != ours.behaviorRows || other.behaviorSum != ours.behaviorSum {
                out.append("\(other.tool.rawValue)'s behaviors: \(other.behaviorRows) rows, checksum \(other.behaviorSum); ours: \(ours.behaviorRows) rows, \(ours.behaviorSum)")
            }
        }
        return out
    }

    /// Whether every check passed.
    public var checksPassed: Bool { problems.isEmpty && mismatches.isEmpty }

    /// The goal of the issue: ≥ 3× Polars, at every thread count measured.
    public func goals() -> [String] {
        guard withPeers else { return ["not measured (--no-peers)"] }
        let polars = ratios.filter { $0.vs == .polars }
        let met = !polars.isEmpty && polars.allSatisfy { $0.ratio >= 3 }
        return ["sessionisation ≥ 3× Polars: " + polars.map { String(format: "threads=%d %.2f×", $0.threads, $0.ratio) }.joined(separator: ", ")
            + (met ? " — met" : " — NOT met")]
    }
}
