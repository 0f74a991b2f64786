import ArgumentParser
import Benchmarks

/// `aigq bench parquet-worker` (hidden): one timed write or scan by our side, in its own process,
/// printing one JSON line like `Tests/Python/bench_parquet_peer.py`.
struct BenchParquetWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet-worker",
        abstract: "Time one Parquet write or scan by aigq and print one JSON line (used by `bench parquet`).",
        shouldDisplay: false
    )

    @Option(help: "write: load --input, then time writing --output with zstd-3; scan: time decoding all of --input; generate: write the benchmark input to --output.")
    var task: String

    @Option(help: "The input Parquet file.")
    var input: String

    @Option(help: "The file to write (write only).")
    var output: String?

    @Option(help: "Threads for column encoding or decoding.")
    var threads: Int

    @Option(help: "Rows to generate (generate only).")
    var rows: Int?

    func run() throws {
        guard let task = ParquetWorker.Task(rawValue: task) else {
            throw ValidationError("--task must be write, scan or generate (got '\(task)')")
        }
        let report = try ParquetWorker.run(
            task: task, input: input, output: output, threads: threads, rows: rows, version: AIGQ.configuration.version)
        var out = StandardOutput()
        out.line(report.jsonLine)
        out.flush()
    }
}
