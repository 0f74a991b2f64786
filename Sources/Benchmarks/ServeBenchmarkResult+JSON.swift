extension ServeBenchmarkResult {
    /// The JSON document of spec/bench.md (`bench`, `machine`, `versions`, `rows`, `ratios`): one row
    /// per route (throughput in requests/s, latency percentiles in ms, server CPU per request), the
    /// ratio of hints to the ceiling, the goals and the checks.
    public func json() -> String {
        func round(_ x: Double, _ digits: Double) -> Double { (x * digits).rounded() / digits }
        let rows: [JSONValue] = Route.allCases.map { route in
            let (low, high) = range(route, \.requestsPerSecond)
            let (status, socket) = errors(route)
            return .object([
                ("work", .string("GET \(route.path), \(options.connections) connections")),
                ("tool", .string(route == .ping ? "aigq serve (ceiling)" : "aigq serve")), ("threads", .int(options.threads)),
                ("throughput", .double(round(median(route, \.requestsPerSecond), 1))), ("unit", .string("requests/s")),
                ("min", .double(round(low, 1))), ("max", .double(round(high, 1))),
                ("p50_ms", .double(round(median(route, { $0.run.p50 }), 1e3))), ("p90_ms", .double(round(median(route, { $0.run.p90 }), 1e3))),
                ("p99_ms", .double(round(median(route, { $0.run.p99 }), 1e3))),
                ("server_cpu_us_per_request", .double(round(median(route, \.cpuMicrosecondsPerRequest), 10))),
                ("status_errors", .int(status)), ("socket_errors", .int(socket)), ("runs", .int(samples[route]?.count ?? 0)),
            ])
        }
        return JSONValue.object([
            ("bench", .string("serve")),
            ("machine", .object([
                ("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB)),
                ("load_before", .double(round(loadBefore, 100))), ("load_after", .double(round(loadAfter, 100))),
            ])),
            ("versions", .object(versions.map { ($0.0, .string($0.1)) })),
            ("tables", .array(tables.map { .string($0) })),
            ("rows", .array(rows)),
            ("ratios", .array([.object([
                ("work", .string("GET /v1/hints vs GET /v1/ping, \(options.connections) connections")), ("threads", .int(options.threads)),
                ("vs", .string("ceiling")), ("ratio", .double(round(ratio, 1e3))), ("cpu_ratio", .double(round(cpuRatio, 1e3))),
            ])])),
            ("goals", .array(goals().map { .string($0) })),
            ("lookup_us", lookupCost.map { cost in
                JSONValue.object([
                    ("memory", .double(round(cost.memoryMicroseconds, 1e3))), ("sqlite", .double(round(cost.sqliteMicroseconds, 1e3))),
                    ("memory_table_mib", .double(round(mebibytes(cost.memoryBytes), 10))),
                ])
            } ?? .null),
            ("server_peak_rss_mib", .double(round(mebibytes(serverPeakRSSBytes), 10))),
            ("server_exit_code", .int(Int(serverExitCode))),
            ("checks_passed", .bool(checksPassed)),
        ]).text
    }
}
