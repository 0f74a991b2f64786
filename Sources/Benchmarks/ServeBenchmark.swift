import Foundation

/// `aigq bench serve`: wrk against `/v1/hints` and against `/v1/ping` of the same `aigq serve`, in
/// the same run (spec/bench.md). `/v1/ping` answers a constant: it is the ceiling of the HTTP stack
/// (Hummingbird, SwiftNIO, the kernel's loopback, wrk itself) on this machine, so the ratio
/// hints / ping says how much of that ceiling the lookup keeps.
///
/// The server runs as a child process (`aigq serve --port 0`); both routes get the same request
/// lines (the ping route ignores the query string), rotated by a wrk Lua script over
/// ``ServeBenchTables/requestCount`` users and triggers. One warm-up run per route, then `reps` runs
/// each, the order alternating. Besides wrk's figures, the server's own CPU time per request is read
/// from `/proc` around each run: robust to other load on the machine.
public struct ServeBenchmark {
    /// What to run.
    public let options: ServeBenchmarkOptions

    /// A benchmark with these options.
    public init(options: ServeBenchmarkOptions) { self.options = options }

    /// Runs everything, reporting progress lines through `progress`.
    public func run(progress: (String) -> Void) throws -> ServeBenchmarkResult {
        try options.validate()
        guard let wrk = WrkRun.locate() else {
            throw BenchmarkError("wrk is not installed; install it with `apt-get install -y wrk` (Debian's package)")
        }
        let owned = options.directory == nil
        let dir = try options.directory ?? makeTemporaryDirectory(prefix: "aigq-bench-serve-")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer {
            if !options.keep {
                for path in owned ? [dir] : [dir + "/ws", dir + "/hints.lua", dir + "/ping.lua"] { try? FileManager.default.removeItem(atPath: path) }
            }
        }
        let tables: ServeBenchTables
        if let workspace = options.workspace {
            progress("serving the exports of \(workspace)")
            tables = try .existing(workspace: workspace)
        } else {
            progress("generating tables for \(options.users) users into \(dir)/ws/exports")
            tables = try .generate(users: options.users, into: dir)
        }
        let scripts = [
            ServeBenchmarkResult.Route.hints: dir + "/hints.lua", .ping: dir + "/ping.lua",
        ]
        for (route, path) in scripts {
            try WrkRun.script(paths: tables.queries.map { route.path + "?" + $0 }).write(toFile: path, atomically: true, encoding: .utf8)
        }

        var result = ServeBenchmarkResult(
            machine: .current(), versions: [("aigq", options.version), ("wrk", WrkRun.version(wrk, scratch: dir))],
            options: options, tables: tables.description, loadBefore: Self.loadAverage())
        progress("timing one lookup in process: in-memory table vs SQLite lookup file …")
        result.lookupCost = try LookupCost.measure(exports: tables.workspace + "/exports", keys: tables.users)
        let server = try ServerProcess(
            arguments: [options.executable, "serve", "--workspace", tables.workspace, "--port", "0", "--log-level", "warning"],
            scratch: dir)
        let port = try server.waitUntilListening()
        progress("aigq serve listening on port \(port)")

        func measure(_ route: ServeBenchmarkResult.Route, seconds: Int) throws -> ServeBenchmarkResult.Sample {
            let cpu = server.cpuSeconds()
            let run = try WrkRun.run(
                wrk: wrk, url: "http://127.0.0.1:\(port)\(route.path)", script: scripts[route] ?? "", seconds: seconds,
                connections: options.connections, threads: options.threads, scratch: dir)
            let sample = ServeBenchmarkResult.Sample(run: run, serverCPUSeconds: server.cpuSeconds() - cpu)
            let errors = run.statusErrors + run.socketErrors > 0 ? ", \(run.statusErrors) non-2xx, \(run.socketErrors) socket errors" : ""
            progress("  \(route.path): " + String(
                format: "%.0f requests/s, p50 %.2f ms, p99 %.2f ms, server CPU %.1f µs/request",
                run.requestsPerSecond, run.p50, run.p99, sample.cpuMicrosecondsPerRequest) + errors)
            return sample
        }
        for route in ServeBenchmarkResult.Route.allCases {
            progress("warm-up \(route.path) (\(min(options.seconds, 3)) s) …")
            _ = try measure(route, seconds: min(options.seconds, 3))
        }
        for rep in 0..<options.reps {
            let order = rep % 2 == 0 ? ServeBenchmarkResult.Route.allCases : ServeBenchmarkResult.Route.allCases.reversed()
            for route in order {
                progress("rep \(rep + 1)/\(options.reps) \(route.path) (\(options.seconds) s) …")
                result.samples[route, default: []].append(try measure(route, seconds: options.seconds))
            }
        }
        let stopped = server.stop()
        result.serverExitCode = stopped.exitCode
        result.serverPeakRSSBytes = stopped.peakRSSBytes
        result.serverLog = stopped.stderr
        result.loadAfter = Self.loadAverage()
        if options.keep { result.directory = dir }
        return result
    }

    /// The 1-minute load average.
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }
}
