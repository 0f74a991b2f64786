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

    @OptionGroup var common: PeerBenchOptions

    func run() throws {
        let executable = currentExecutablePath()
        var options = IngestBenchmarkOptions(workerCommand: [executable, "bench", "ingest-worker"], version: AIGQ.configuration.version)
        options.events = events
        options.reps = common.reps
        options.threads = try common.threadCounts()
        options.directory = common.dir
        options.keep = common.keep
        options.peers = try common.peers(executable: executable, script: "Tests/Python/bench_ingest_peer.py")
        let result = try IngestBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        common.print(json: result.json(), goals: result.goals(), text: result.textLines())
        if !result.checksPassed { throw ExitCode.failure }
    }
}
