import Foundation

/// Everything `aigq bench serve` measured; ``textLines()`` and ``json()`` render it.
public struct ServeBenchmarkResult: Sendable {
    /// The two routes measured.
    public enum Route: String, CaseIterable, Hashable, Sendable {
        /// The ceiling: a constant answer from the same server.
        case ping
        /// The lookup.
        case hints

        /// The URL path.
        public var path: String { self == .ping ? "/v1/ping" : "/v1/hints" }
    }

    /// One wrk run of one route.
    public struct Sample: Sendable {
        var run: WrkRun
        /// CPU seconds the server used during the run.
        public var serverCPUSeconds: Double

        /// Requests per second.
        public var requestsPerSecond: Double { run.requestsPerSecond }
        /// Server CPU microseconds per request.
        public var cpuMicrosecondsPerRequest: Double { run.requests > 0 ? serverCPUSeconds * 1e6 / Double(run.requests) : 0 }
    }

    /// The machine.
    public var machine: MachineInfo
    /// Tool versions, ours first.
    public var versions: [(String, String)]
    /// The options run with.
    public var options: ServeBenchmarkOptions
    /// What was served.
    public var tables: [String]
    /// The 1-minute load average before and after the run.
    public var loadBefore: Double
    public var loadAfter = 0.0
    /// The measured runs per route (warm-ups excluded).
    public var samples: [Route: [Sample]] = [:]
    /// How the server ended after SIGTERM (0: a graceful shutdown).
    public var serverExitCode: Int32 = -1
    /// The server's peak RSS.
    public var serverPeakRSSBytes = 0
    /// The end of the server's log.
    public var serverLog = ""
    /// One u2q lookup in process, in memory and in SQLite.
    public var lookupCost: LookupCost?
    /// Where the files were kept, if they were.
    public var directory: String?

    init(machine: MachineInfo, versions: [(String, String)], options: ServeBenchmarkOptions, tables: [String], loadBefore: Double) {
        self.machine = machine
        self.versions = versions
        self.options = options
        self.tables = tables
        self.loadBefore = loadBefore
    }

    /// The median of `value` over `route`'s runs.
    public func median(_ route: Route, _ value: (Sample) -> Double) -> Double {
        let values = (samples[route] ?? []).map(value).sorted()
        guard !values.isEmpty else { return 0 }
        return values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
    }

    /// The range of `value` over `route`'s runs.
    public func range(_ route: Route, _ value: (Sample) -> Double) -> (min: Double, max: Double) {
        let values = (samples[route] ?? []).map(value)
        return (values.min() ?? 0, values.max() ?? 0)
    }

    /// The share of the HTTP stack's ceiling the lookup keeps: the median over repetitions of hints'
    /// requests/s over ping's in the same repetition (the two runs back to back, so a change in the
    /// machine's other load between repetitions cancels out).
    public var ratio: Double {
        let hints: [Sample] = samples[.hints] ?? []
        let ping: [Sample] = samples[.ping] ?? []
        var pairs: [Double] = []
        for (h, p) in zip(hints, ping) where p.requestsPerSecond > 0 {
            pairs.append(h.requestsPerSecond / p.requestsPerSecond)
        }
        pairs.sort()
        guard !pairs.isEmpty else { return 0 }
        return pairs.count % 2 == 1 ? pairs[pairs.count / 2] : (pairs[pairs.count / 2 - 1] + pairs[pairs.count / 2]) / 2
    }

    /// Server CPU time per request of ping over that of hints (medians): the same share, measured in
    /// the server's own CPU time, which other load on the machine hardly moves.
    public var cpuRatio: Double {
        let hints = median(.hints, \.cpuMicrosecondsPerRequest)
        return hints > 0 ? median(.ping, \.cpuMicrosecondsPerRequest) / hints : 0
    }

    /// Responses outside 2xx/3xx and socket errors over every run, per route.
    public func errors(_ route: Route) -> (status: Int, socket: Int) {
        let runs = samples[route] ?? []
        return (runs.reduce(0) { $0 + $1.run.statusErrors }, runs.reduce(0) { $0 + $1.run.socketErrors })
    }

    /// Problems that make the figures meaningless: failed requests, a server that did not stop cleanly.
    public var problems: [String] {
        var out: [String] = []
        for route in Route.allCases {
            let (status, socket) = errors(route)
            if status > 0 { out.append("\(route.path): \(status) responses outside 2xx") }
            if socket > 0 { out.append("\(route.path): \(socket) socket errors or timeouts") }
        }
        if serverExitCode != 0 { out.append("the server exited with status \(serverExitCode) after SIGTERM:\n\(serverLog)") }
        return out
    }

    /// Whether every check passed.
    public var checksPassed: Bool { problems.isEmpty }

    /// The goals of the issue: ≥ 0.8× the ceiling's requests/s, p99 ≤ 2 ms, at the measured connections.
    public func goals() -> [String] {
        let p99 = median(.hints, { $0.run.p99 })
        return [
            String(format: "/v1/hints ≥ 0.8× the /v1/ping ceiling (requests/s): %.2f× (server CPU per request: %.2f×)", ratio, cpuRatio)
                + (ratio >= 0.8 ? " — met" : " — NOT met"),
            String(format: "/v1/hints p99 ≤ 2 ms at %d connections: %.2f ms", options.connections, p99) + (p99 <= 2 ? " — met" : " — NOT met"),
        ]
    }
}
