/// What `aigq bench ingest` runs.
public struct IngestBenchmarkOptions: PeerBenchmarkOptions {
    /// Events of the generated day.
    public var events: Int = 10_000_000
    /// Repetitions, threads, files, peers, our worker.
    public var settings: PeerBenchmarkSettings

    /// Options with the defaults above.
    public init(workerCommand: [String], version: String) {
        self.settings = PeerBenchmarkSettings(workerCommand: workerCommand, version: version)
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard events >= 1 else { throw BenchmarkError("--events must be at least 1 (got \(events))") }
        try settings.validate()
    }

    /// The tools measured, ours first, DuckDB (the goal's peer) next.
    var tools: [BenchTool] { settings.peers == nil ? [.aigq] : [.aigq, .duckdb, .polars, .pyarrow] }
}
