/// The measured repetitions of one tool on one work item at one thread count.
public struct BenchmarkEntry: Sendable {
    /// One process's figures.
    public struct Sample: Sendable {
        /// Seconds of work reported by the process.
        public var seconds: Double
        /// Rows it reported.
        public var rows: Int
        /// Bytes it reported (written file or file read).
        public var bytes: Int
        /// Its peak RSS in bytes (from `wait4`).
        public var peakRSSBytes: Int
    }

    /// The work item's label, e.g. `write 10M events (zstd-3)`.
    public var work: String
    /// `write` or `scan`.
    public var task: ParquetWorker.Task
    /// The tool.
    public var tool: BenchTool
    /// Its thread count.
    public var threads: Int
    /// The measured repetitions (warm-up excluded).
    public var samples: [Sample]

    /// Median seconds.
    public var median: Double { samples.medianSeconds }
    /// Fastest repetition.
    public var min: Double { samples.map(\.seconds).min() ?? 0 }
    /// Slowest repetition.
    public var max: Double { samples.map(\.seconds).max() ?? 0 }
    /// Rows per second at the median.
    public var throughput: Double { Double(samples.first?.rows ?? 0) / median }
    /// The highest peak RSS of the repetitions, in MiB.
    public var peakRSSMiB: Double { samples.peakRSSMiB }
    /// For writes: the size of the file written (last repetition).
    public var writtenBytes: Int? { task == .write ? samples.last?.bytes : nil }
}

extension Array where Element == BenchmarkEntry.Sample {
    /// The median of the repetitions' seconds.
    var medianSeconds: Double {
        let s = map(\.seconds).sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The highest peak RSS of the repetitions, in MiB.
    var peakRSSMiB: Double { mebibytes(map(\.peakRSSBytes).max() ?? 0) }
}
