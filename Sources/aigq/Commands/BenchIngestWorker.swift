import ArgumentParser
import Benchmarks
import PipelineCore

/// `aigq bench ingest-worker` (hidden): one timed ingest by aigq, in its own process, printing one
/// JSON line like `Tests/Python/bench_ingest_peer.py`.
struct BenchIngestWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-worker",
        abstract: "Time one ingest of the benchmark day by aigq and print one JSON line (used by `bench ingest`).",
        shouldDisplay: false
    )

    @Option(help: "generate: write the benchmark day under --input; ingest: time the ingest stage on it.")
    var task: String

    @Option(help: "The folder holding raw/ (the benchmark day).")
    var input: String

    @Option(help: "The folder to write the outputs into (ingest only).")
    var output: String?

    @Option(help: "Threads of the stage.")
    var threads: Int

    @Option(help: "Events to generate (generate only).")
    var events: Int?

    @Option(name: .customLong("buffer-rows"), help: "The stage's buffer_rows param (ingest only; default: the stage's).")
    var bufferRows: Int?

    func run() throws {
        guard let task = IngestBenchWorker.Task(rawValue: task) else {
            throw ValidationError("--task must be generate or ingest (got '\(task)')")
        }
        let report = try IngestBenchWorker.run(
            task: task, root: input, output: output, threads: threads, events: events, version: AIGQ.configuration.version,
            params: bufferRows.map { ["buffer_rows": .int($0)] } ?? [:])
        var out = StandardOutput()
        out.line(report.jsonLine)
        out.flush()
    }
}
