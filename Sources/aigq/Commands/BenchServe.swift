import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench serve`: wrk against /v1/hints and against /v1/ping of the same `aigq serve`.
struct BenchServe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Load-test aigq serve with wrk: /v1/hints beside the HTTP stack's own ceiling (/v1/ping).",
        discussion: """
            Starts `aigq serve --port 0` on generated tables (--users users × 10 queries in u2q, \
            x2q with 10 queries per trigger, a popular list; or the exports of --workspace, e.g. the \
            main job's), then runs wrk (Debian's package: apt-get install -y wrk) against /v1/hints \
            and against /v1/ping of the same server, one warm-up then --reps runs each, alternating. \
            Both routes get the same request lines (rotated by a Lua script over 10 000 users and \
            recent triggers; /v1/ping ignores the query), so the ratio of their requests/s is the \
            share of the HTTP stack's ceiling on this machine that the lookup keeps. Prints \
            requests/s, p50/p90/p99 latency and the server's CPU time per request (read from /proc, \
            robust to other load); the goals are ≥ 0.8× the ceiling and p99 ≤ 2 ms at 64 \
            connections. wrk and the server share the machine's cores. Exit status 1 when a \
            response was not 2xx or the server did not stop cleanly on SIGTERM.
            """
    )

    @Option(help: "Seconds of each wrk run.")
    var seconds = 10

    @Option(help: "Measured runs per route after one warm-up each.")
    var reps = 3

    @Option(help: "wrk's open connections.")
    var connections = 64

    @Option(help: "wrk's threads.")
    var threads = 2

    @Option(help: "Users of the generated u2q table.")
    var users = 3000

    @Option(help: "Serve this workspace's exports (e.g. the main job's) instead of generated tables.")
    var workspace: String?

    @Option(help: "Folder for the generated tables and wrk's scripts (default: a fresh temporary folder).")
    var dir: String?

    @Flag(help: "Keep the files after the run.")
    var keep = false

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    func run() throws {
        var options = ServeBenchmarkOptions(executable: currentExecutablePath(), version: AIGQ.configuration.version)
        options.seconds = seconds
        options.reps = reps
        options.connections = connections
        options.threads = threads
        options.users = users
        options.workspace = workspace
        options.directory = dir
        options.keep = keep
        let result = try ServeBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        BenchReport.print(json: json, document: result.json, goals: result.goals, text: result.textLines)
        if !result.checksPassed { throw ExitCode.failure }
    }
}
