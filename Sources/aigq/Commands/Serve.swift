import ArgumentParser
import Dispatch
import Foundation
import Logging
import Serving

/// `aigq serve`: the lookup server over the exported tables (spec §8).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the exported tables over HTTP: hints per user, health, Prometheus metrics.",
        discussion: """
            Loads the version each table's CURRENT names under <workspace>/exports
            (u2q required; x2q and popular when present), after checking every file
            against its _MANIFEST.json, and answers:
              GET /v1/hints?user=<id>&n=<n>&recent=<trigger>,<trigger>
                  the user's u2q list, then the x2q lists of the recent triggers
                  (search:<query> or item:<id>, percent-encoded, most recent first,
                  at most 10), de-duplicated, cut to n (1…100, default 10); a user
                  without a u2q list is topped up with the day's popular queries.
                  JSON, with each hint's source and the table versions read. A bad
                  parameter gets 400 and {"error": ..., "parameter": ...}.
              GET /healthz    the versions served, and any version refused
              GET /metrics    Prometheus text: requests, latency, tables, reloads
              GET /v1/ping    "pong" (the HTTP stack alone, for benchmarks)
            CURRENT is read every --poll-ms; a new version (aigq run's export stage,
            aigq publish, aigq publish --rollback) is loaded beside the old one and
            swapped in without failing or delaying a request. A version that fails
            its checks is refused and logged, and the old one keeps serving.
            Logs go to stderr; the address is printed on stdout once listening.
            SIGINT or SIGTERM stops it after the requests in flight are answered.
            """)

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed once listening).")
    var port = 8080

    @Option(help: "Threads answering requests (default: one per core).")
    var threads: Int?

    @Option(name: .customLong("poll-ms"), help: "How often each table's CURRENT is read, in milliseconds.")
    var pollMilliseconds = 200

    @Option(name: .customLong("log-level"), help: "The least severe log level shown: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical (got '\(logLevel)')")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535 (got \(port))") }
        guard pollMilliseconds >= 10 else { throw ValidationError("--poll-ms must be 10 or more (got \(pollMilliseconds))") }
        if let threads, threads < 1 { throw ValidationError("--threads must be 1 or more (got \(threads))") }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let configuration = ServingConfiguration(
            workspace: workspace, host: host, port: port, pollInterval: .milliseconds(pollMilliseconds), threads: threads)
        let logger = Logger(label: "aigq.serve")
        try Self.blocking {
            let server = try LookupServer(configuration: configuration, logger: logger)
            let tables = server.store.snapshot.tables.map { "\($0.kind.rawValue) \($0.version)" }.joined(separator: ", ")
            let host = configuration.host
            try await server.run { port in
                var out = StandardOutput()
                out.line("aigq serve: listening on http://\(host):\(port) (\(tables))")
                out.flush()
            }
        }
    }

    /// Runs `body` to its end on the concurrency pool while this thread waits (the root command is
    /// synchronous); rethrows its error.
    private static func blocking(_ body: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        Task {
            do { try await body() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The error of the body run by ``blocking(_:)``, written before the semaphore is signalled.
    private final class OutcomeBox: @unchecked Sendable {
        var error: (any Error)?
    }
}
