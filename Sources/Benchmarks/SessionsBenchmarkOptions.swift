import Foundation

/// What `aigq bench sessions` runs.
public struct SessionsBenchmarkOptions: PeerBenchmarkOptions {
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

    /// The tools measured, ours first.
    var tools: [BenchTool] { settings.peers == nil ? [.aigq] : [.aigq, .polars, .duckdb] }

    /// The peer script (beside the Parquet benchmark's).
    var peerScript: String? {
        settings.peers.map { ($0.script as NSString).deletingLastPathComponent + "/bench_sessions_peer.py" }
    }
}
