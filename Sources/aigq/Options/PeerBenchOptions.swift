import ArgumentParser
import Benchmarks
import Foundation

/// The options shared by the benchmarks that run Python peers from the pinned venv
/// (`aigq bench parquet`, `ingest`, `sessions`), and what they do with them.
struct PeerBenchOptions: ParsableArguments {
    @Option(help: "Measured repetitions per tool after one warm-up (default 3; 5 when a run is under a second).")
    var reps: Int?

    @Option(help: "Comma-separated thread counts, each used for every tool.")
    var threads = "1,2"

    @Option(help: "Folder for the input and written files (default: a fresh temporary folder).")
    var dir: String?

    @Flag(help: "Keep the input and written files after the run.")
    var keep = false

    @Flag(name: .customLong("no-peers"), help: "Run aigq alone (no Python peers).")
    var noPeers = false

    @Option(help: "The Python with pyarrow, Polars and DuckDB (default: $AIGQ_PYTHON, else .venv/bin/python).")
    var python: String?

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    /// `--threads` as counts.
    func threadCounts() throws -> [Int] {
        try threads.split(separator: ",").map { part in
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw ValidationError("--threads takes comma-separated counts of at least 1, e.g. 1,2 (got '\(threads)')")
            }
            return n
        }
    }

    /// The peers' Python and driver script, or `nil` with `--no-peers`.
    func peers(executable: String, script: String? = nil) throws -> PeerSetup? {
        guard !noPeers else { return nil }
        let environment = ProcessInfo.processInfo.environment
        if let script {
            return try PeerSetup.locate(python: python, environment: environment, executable: executable, script: script)
        }
        return try PeerSetup.locate(python: python, environment: environment, executable: executable)
    }

    /// Prints the table (or the JSON document, goals to stderr).
    func print(json document: @autoclosure () -> String, goals: @autoclosure () -> [String], text: @autoclosure () -> [String]) {
        BenchReport.print(json: json, document: document, goals: goals, text: text)
    }
}
