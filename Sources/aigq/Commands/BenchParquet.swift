import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench parquet`: our Parquet writer and reader beside pyarrow, Polars and DuckDB.
struct BenchParquet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet",
        abstract: "Time our Parquet write and full scan beside pyarrow, Polars and DuckDB.",
        discussion: """
            Generates a deterministic events table (--rows, default 10 000 000), writes it once \
            UNCOMPRESSED as the input, then for each thread count: every tool writes it with zstd-3, \
            and every tool scans the same zstd-3 file (the one pyarrow wrote). Each measurement runs \
            in its own process after one warm-up; times exclude interpreter start, imports and input \
            loading. Progress goes to stderr, the table (or --json) to stdout. Peers run from the \
            Python of --python, $AIGQ_PYTHON or .venv/bin/python; create that venv with \
            `python3 -m venv .venv && .venv/bin/pip install -r Tests/Python/requirements.txt`.
            """
    )

    @Option(help: "Rows of the generated events table.")
    var rows = 10_000_000

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
        var options = ParquetBenchmarkOptions(
            workerCommand: [executable, "bench", "parquet-worker"], version: AIGQ.configuration.version)
        options.rows = rows
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
                python: python, environment: ProcessInfo.processInfo.environment, executable: executable)
        }
        let result = try ParquetBenchmark(options: options).run { line in
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
