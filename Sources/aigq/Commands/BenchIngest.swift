import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench ingest`: our ingest stage beside DuckDB, Polars and pyarrow on the same JSON Lines day.
struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Time our ingest of a raw day beside DuckDB, Polars and pyarrow converting it to zstd Parquet.",
        discussion: """
            Makes one deterministic day of raw logs with the generator of `aigq gen` (sized for about \
            --events events, default 10 000 000; one plain JSON Lines file plus dims), then for each thread count runs our ingest stage and each peer's JSON → \
            Parquet conversion on it, each in its own process after one warm-up, tools alternating. \
            Times exclude process start and imports. Progress goes to stderr, the table (or --json) \
            to stdout. Peers run from the Python of --python, $AIGQ_PYTHON or .venv/bin/python; \
            create that venv with `python3 -m venv .venv && .venv/bin/pip install -r Tests/Python/requirements.txt`.
            """
    )

    @Option(help: "About how many events the generated day holds (aigq gen --scale).")
    var events = 10_000_000

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

    func run() throws {
        let executable = currentExecutablePath()
        var options = IngestBenchmarkOptions(workerCommand: [executable, "bench", "ingest-worker"], version: AIGQ.configuration.version)
        options.events = events
        options.reps = reps
        options.threads = try threads.split(separator: ",").map { part in
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw ValidationError("--threads takes comma-separated counts of at least 1, e.g. 1,2 (got '\(threads)')")
            }
            return n
        }
        options.directory = dir
        options.keep = keep
        if !noPeers {
            options.peers = try PeerSetup.locate(
                python: python, environment: ProcessInfo.processInfo.environment, executable: executable,
                script: "Tests/Python/bench_ingest_peer.py")
        }
        let result = try IngestBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        var out = StandardOutput()
        if json {
            out.line(result.json())
            for goal in result.goals() { FileHandle.standardError.write(Data(("goal: " + goal + "\n").utf8)) }
        } else {
            result.textLines().forEach { out.line($0) }
        }
        out.flush()
        if !result.checksPassed { throw ExitCode.failure }
    }
}
