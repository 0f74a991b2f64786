import Foundation

/// What `aigq bench sessions` runs.
public struct SessionsBenchmarkOptions: Sendable {
    /// Events of the generated day.
    public var events: Int = 10_000_000
    /// Measured repetitions per tool after one warm-up; `nil`: 3, or 5 when every warm-up took under a second.
    public var reps: Int?
    /// Thread counts to measure, each for every tool.
    public var threads: [Int] = [1, 2]
    /// Where to put the input and outputs; `nil`: a fresh temporary folder.
    public var directory: String?
    /// Keep the files (and a temporary folder) after the run.
    public var keep = false
    /// The Python peers; `nil` runs ours alone.
    public var peers: PeerSetup?
    /// The command line of `aigq bench sessions` (the worker options are appended).
    public var workerCommand: [String]
    /// Our version, as printed in the report.
    public var version: String

    /// Options with the defaults above.
    public init(workerCommand: [String], version: String) {
        self.workerCommand = workerCommand
        self.version = version
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard events >= 1 else { throw BenchmarkError("--events must be at least 1 (got \(events))") }
        if let reps, reps < 1 { throw BenchmarkError("--reps must be at least 1 (got \(reps))") }
        guard !threads.isEmpty, threads.allSatisfy({ $0 >= 1 }) else {
            throw BenchmarkError("--threads needs thread counts of at least 1, e.g. --threads 1,2")
        }
    }

    /// The tools measured, ours first.
    var tools: [BenchTool] { peers == nil ? [.aigq] : [.aigq, .polars, .duckdb] }

    /// The peer script (beside the Parquet benchmark's).
    var peerScript: String? {
        peers.map { ($0.script as NSString).deletingLastPathComponent + "/bench_sessions_peer.py" }
    }
}
