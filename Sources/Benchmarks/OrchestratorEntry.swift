/// The measured runs of one tool in one scenario.
public struct OrchestratorEntry: Sendable {
    /// One run of the tool.
    public struct Sample: Sendable {
        /// Wall-clock seconds of the whole tool process, start to exit.
        public var seconds: Double
        /// Peak RSS of the largest process of its tree, in bytes (from `wait4`).
        public var peakRSSBytes: Int
        /// The tasks it ran, as its commands logged them in `tasks.log`, in order.
        public var tasks: [String]
    }

    /// The scenario.
    public var scenario: OrchestratorScenario
    /// The tool.
    public var tool: OrchestratorTool
    /// The job count it was given.
    public var jobs: Int
    /// The measured runs (warm-up excluded).
    public var samples: [Sample]

    /// Median seconds.
    public var median: Double {
        let s = samples.map(\.seconds).sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    /// Fastest run.
    public var min: Double { samples.map(\.seconds).min() ?? 0 }
    /// Slowest run.
    public var max: Double { samples.map(\.seconds).max() ?? 0 }
    /// The highest peak RSS of the runs, in MiB.
    public var peakRSSMiB: Double { mebibytes(samples.map(\.peakRSSBytes).max() ?? 0) }
    /// Tasks rerun: the count when every run agreed, else `min–max`.
    public var tasksRerunText: String {
        let counts = samples.map(\.tasks.count)
        guard let lo = counts.min(), let hi = counts.max() else { return "–" }
        return lo == hi ? String(lo) : "\(lo)–\(hi)"
    }
    /// The largest number of tasks any run reran.
    public var maxTasksRerun: Int { samples.map(\.tasks.count).max() ?? 0 }
}
