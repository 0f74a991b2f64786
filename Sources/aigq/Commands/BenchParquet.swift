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

    @OptionGroup var common: PeerBenchOptions

    func run() throws {
        let executable = currentExecutablePath()
        var options = ParquetBenchmarkOptions(
            workerCommand: [executable, "bench", "parquet-worker"], version: AIGQ.configuration.version)
        options.rows = rows
        options.reps = common.reps
        options.threads = try common.threadCounts()
        options.directory = common.dir
        options.keep = common.keep
        options.peers = try common.peers(executable: executable)
        let result = try ParquetBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        common.print(json: result.json(), goals: result.goals(), text: result.textLines())
        if !result.checksPassed { throw ExitCode.failure }
    }
}
