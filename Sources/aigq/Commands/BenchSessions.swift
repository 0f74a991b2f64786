import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench sessions`: the sessions stage's work on one big day beside Polars and DuckDB.
struct BenchSessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "Time sessionisation of one big day (Direct sessions + behaviour histories) beside Polars and DuckDB.",
        discussion: """
            Generates one day of user-keyed events shards (--events, default 10 000 000; 16 buckets, \
            zstd, the ingest stage's schema) and its users/items/queries snapshots, then for each \
            thread count times every tool reading them and writing the day's direct_sessions and \
            behaviors (spec §3 rules: histories of the last 32 searches and item clicks strictly before \
            the sample time, lone hint clicks counted as searches, profiles and leaf categories \
            joined). Each measurement runs in its own process after one warm-up; times exclude \
            interpreter start and imports, and include reading the input and writing the output. \
            The outputs of every tool are checked equal (row counts and an order-independent checksum \
            of a canonical form). Peers run from the Python of --python, $AIGQ_PYTHON or \
            .venv/bin/python (`python3 -m venv .venv && .venv/bin/pip install -r Tests/Python/requirements.txt`).
            """
    )

    @Option(help: "Events of the generated day.")
    var events = 10_000_000

    @OptionGroup var common: PeerBenchOptions

    @Option(help: .hidden)
    var worker: String?

    @Option(help: .hidden)
    var output: String?

    func run() throws {
        if let worker {
            guard let task = SessionsWorker.Task(rawValue: worker), let dir = common.dir else {
                throw ValidationError("--worker must be generate, run or checksum, with --dir")
            }
            let line = try SessionsWorker.run(
                task: task, dir: dir, output: output, threads: Int(common.threads) ?? 1, events: events, version: AIGQ.configuration.version)
            var out = StandardOutput()
            out.line(line)
            out.flush()
            return
        }
        let executable = currentExecutablePath()
        var options = SessionsBenchmarkOptions(workerCommand: [executable, "bench", "sessions"], version: AIGQ.configuration.version)
        options.events = events
        options.reps = common.reps
        options.threads = try common.threadCounts()
        options.directory = common.dir
        options.keep = common.keep
        options.peers = try common.peers(executable: executable)
        let result = try SessionsBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        common.print(json: result.json(), goals: result.goals(), text: result.textLines())
        if !result.checksPassed { throw ExitCode.failure }
    }
}
