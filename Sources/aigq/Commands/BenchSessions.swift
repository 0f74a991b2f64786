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

    @Option(help: "Measured repetitions per tool after one warm-up (default 3; 5 when a run is under a second).")
    var reps: Int?

    @Option(help: "Comma-separated thread counts, each used for every tool.")
    var threads = "1,2"

    @Option(help: "Folder for the input and outputs (default: a fresh temporary folder).")
    var dir: String?

    @Flag(help: "Keep the input and outputs after the run.")
    var keep = false

    @Flag(name: .customLong("no-peers"), help: "Run aigq alone (no Python peers).")
    var noPeers = false

    @Option(help: "The Python with Polars and DuckDB (default: $AIGQ_PYTHON, else .venv/bin/python).")
    var python: String?

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    @Option(help: .hidden)
    var worker: String?

    @Option(help: .hidden)
    var output: String?

    func run() throws {
        if let worker {
            guard let task = SessionsWorker.Task(rawValue: worker), let dir else {
                throw ValidationError("--worker must be generate, run or checksum, with --dir")
            }
            let line = try SessionsWorker.run(
                task: task, dir: dir, output: output, threads: Int(threads) ?? 1, events: events, version: AIGQ.configuration.version)
            var out = StandardOutput()
            out.line(line)
            out.flush()
            return
        }
        let executable = currentExecutablePath()
        var options = SessionsBenchmarkOptions(workerCommand: [executable, "bench", "sessions"], version: AIGQ.configuration.version)
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
            options.peers = try PeerSetup.locate(python: python, environment: ProcessInfo.processInfo.environment, executable: executable)
        }
        let result = try SessionsBenchmark(options: options).run { line in
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
