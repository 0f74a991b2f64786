/// What `aigq bench parquet` runs.
public struct ParquetBenchmarkOptions: PeerBenchmarkOptions {
    /// Rows of the generated events table.
    public var rows: Int = 10_000_000
    /// Repetitions, threads, files, peers, our worker.
    public var settings: PeerBenchmarkSettings

    /// Options with the defaults above.
    public init(workerCommand: [String], version: String) {
        self.settings = PeerBenchmarkSettings(workerCommand: workerCommand, version: version)
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard rows >= 1 else { throw BenchmarkError("--rows must be at least 1 (got \(rows))") }
        try settings.validate()
    }

    /// The tools measured, ours first.
    var tools: [BenchTool] { settings.peers == nil ? [.aigq] : BenchTool.allCases }
}
