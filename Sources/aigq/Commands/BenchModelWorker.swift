import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench model-worker` (hidden): one timed model task by our side, in its own process, printing one
/// JSON line like `Tests/Python/bench_model_peer.py`.
struct BenchModelWorker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-worker",
        abstract: "Time one model task by aigq and print one JSON line (used by `bench model`).",
        shouldDisplay: false
    )

    @Option(help: "train, generate, grpo or sgemm.")
    var task: String

    @Option(help: "S or M.")
    var config: String

    @Option(help: "Worker threads (OpenBLAS runs single-threaded under them).")
    var threads: Int

    @Option(help: "Timed repetitions after one warm-up.")
    var steps: Int = 3

    func run() throws {
        guard let task = ModelWorkload.Task(rawValue: task) else {
            throw ValidationError("--task must be train, generate, grpo or sgemm (got '\(task)')")
        }
        guard let chosen = ModelBenchConfig.all.first(where: { $0.name == config }) else {
            throw ValidationError("--config must be S or M (got '\(config)')")
        }
        let measurement = try ModelWorkload.run(task: task, config: chosen, threads: threads, steps: steps)
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        print(
            #"{"tool": "aigq", "mode": "aigq", "task": "\#(task.rawValue)", "config": "\#(chosen.name)", "threads": \#(threads), "#
                + #""seconds": \#(measurement.seconds), "units": \#(measurement.units), "peak_rss_kib": \#(usage.ru_maxrss)}"#)
    }
}
