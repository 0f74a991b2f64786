import Foundation

extension ServeBenchmarkResult {
    /// The report: header, table, ratio, goals, checks.
    public func textLines() -> [String] {
        var out: [String] = []
        out.append("aigq bench serve: wrk -t\(options.threads) -c\(options.connections) -d\(options.seconds)s --latency against one aigq serve, \(options.reps) runs per route after a warm-up, routes alternating")
        out.append("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memGiB)) GiB; load average \(String(format: "%.2f", loadBefore)) before, \(String(format: "%.2f", loadAfter)) after (wrk and the server share the machine)")
        out.append("versions: " + versions.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("tables: " + tables.joined(separator: "; "))
        out.append("requests: \(ServeBenchTables.requestCount) request lines rotated (80% known users, 20% unknown, n=\(ServeBenchTables.n), 2 recent triggers); /v1/ping gets the same lines and ignores the query")
        out.append("")
        var table = [["route", "requests/s", "(min–max)", "p50 ms", "p90 ms", "p99 ms", "server CPU µs/req", "non-2xx", "socket errors"]]
        for route in Route.allCases {
            let (low, high) = range(route, \.requestsPerSecond)
            let (status, socket) = errors(route)
            table.append([
                route.path + (route == .ping ? " (ceiling)" : ""),
                String(format: "%.0f", median(route, \.requestsPerSecond)), String(format: "(%.0f–%.0f)", low, high),
                String(format: "%.2f", median(route, { $0.run.p50 })), String(format: "%.2f", median(route, { $0.run.p90 })),
                String(format: "%.2f", median(route, { $0.run.p99 })), String(format: "%.1f", median(route, \.cpuMicrosecondsPerRequest)),
                String(status), String(socket),
            ])
        }
        out += ParquetBenchmarkResult.align(table, rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
        out.append("")
        out.append(String(
            format: "hints / ceiling: %.2f× requests/s (median of the per-repetition ratios), %.2f× in server CPU per request",
            ratio, cpuRatio))
        out.append("goals:")
        out += goals().map { "  " + $0 }
        if let cost = lookupCost {
            out.append(String(
                format: "one u2q lookup in process (%d keys of the request mix): in memory %.2f µs, SQLite lookup file %.2f µs (%.0f×); the in-memory u2q takes %.1f MiB",
                cost.lookups, cost.memoryMicroseconds, cost.sqliteMicroseconds, cost.sqliteMicroseconds / max(cost.memoryMicroseconds, 1e-9),
                mebibytes(cost.memoryBytes)))
        }
        out.append(String(format: "server: peak RSS %.0f MiB, exit status %d after SIGTERM", mebibytes(serverPeakRSSBytes), serverExitCode))
        if checksPassed {
            out.append("checks: every response was 2xx, no socket errors, the server stopped cleanly")
        } else {
            out += problems.map { "CHECK FAILED: \($0)" }
        }
        if let directory { out.append("files kept in \(directory)") }
        return out
    }
}
