import Foundation
public import Prometheus
import Synchronization

/// The server's Prometheus metrics, in a registry of its own (so two servers in one process, as in
/// the tests, do not share counts), rendered by `/metrics`:
///
/// ```
/// aigq_http_requests_total{route="/v1/hints",status="200"}      requests answered, by route and status
/// aigq_http_request_duration_seconds_bucket{route,le}           time in the handler, by route
/// aigq_table_info{table="u2q",version="2026-…",source_day="…"}  1 for each version served
/// aigq_table_rows{table="u2q"}, aigq_table_keys{table="u2q"}    rows and keys of the version served
/// aigq_table_reloads_total{table="u2q",outcome="loaded"}        loads (outcome loaded or refused)
/// aigq_table_load_duration_seconds{table="u2q"}                 how long the last load took
/// ```
public final class ServingMetrics: Sendable {
    /// The routes counted under their own name; anything else is `unmatched`.
    public static let routes = ["/v1/hints", "/v1/ping", "/healthz", "/metrics"]
    /// The label of a request no route matched.
    public static let unmatchedRoute = "unmatched"
    /// The upper bounds of the latency histogram.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100), .milliseconds(1000),
    ]

    private struct RouteStatus: Hashable {
        var route: String
        var status: Int
    }

    /// The registry behind `/metrics`.
    public let registry: PrometheusCollectorRegistry
    /// The request counters of the usual routes and statuses, made once (no registry lookup per request).
    private let counters: [RouteStatus: Counter]
    private let durations: [String: DurationHistogram]
    private let versionGauges = Mutex<[ServedTableKind: Gauge]>([:])

    /// Metrics in a new registry.
    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        var counters: [RouteStatus: Counter] = [:]
        var durations: [String: DurationHistogram] = [:]
        for route in Self.routes + [Self.unmatchedRoute] {
            for status in [200, 400, 404, 405, 500, 503] {
                counters[RouteStatus(route: route, status: status)] = registry.makeCounter(
                    descriptor: Self.requestsName, labels: [("route", route), ("status", String(status))])
            }
            durations[route] = registry.makeDurationHistogram(
                descriptor: Self.durationName, labels: [("route", route)], buckets: Self.latencyBuckets)
        }
        self.counters = counters
        self.durations = durations
        for kind in ServedTableKind.allCases {
            for outcome in ["loaded", "refused"] {
                _ = registry.makeCounter(descriptor: Self.reloadsName, labels: [("table", kind.rawValue), ("outcome", outcome)])
            }
        }
    }

    /// Counts a request of `route` answered with `status` after `duration`.
    public func recordRequest(route: String, status: Int, duration: Duration) {
        let key = RouteStatus(route: route, status: status)
        let counter = counters[key] ?? registry.makeCounter(
            descriptor: Self.requestsName, labels: [("route", route), ("status", String(status))])
        counter.increment()
        let histogram = durations[route] ?? registry.makeDurationHistogram(
            descriptor: Self.durationName, labels: [("route", route)], buckets: Self.latencyBuckets)
        histogram.record(duration)
    }

    /// Records that `table` was loaded (in `duration`) and is served from now on.
    public func tableLoaded(_ table: ServedTable, duration: Duration) {
        let labels = [("table", table.kind.rawValue)]
        registry.makeCounter(descriptor: Self.reloadsName, labels: labels + [("outcome", "loaded")]).increment()
        registry.makeGauge(descriptor: Self.rowsName, labels: labels).set(Double(table.rows))
        registry.makeGauge(descriptor: Self.keysName, labels: labels).set(Double(table.keys))
        registry.makeGauge(descriptor: Self.loadDurationName, labels: labels)
            .set(Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        let info = registry.makeGauge(
            descriptor: Self.infoName,
            labels: labels + [("version", table.version), ("source_day", table.sourceDay)])
        info.set(to: 1)
        let previous = versionGauges.withLock { gauges in
            defer { gauges[table.kind] = info }
            return gauges[table.kind]
        }
        if let previous, previous !== info { registry.unregisterGauge(previous) }
    }

    /// Records that a version of `kind` was refused.
    public func tableRefused(_ kind: ServedTableKind) {
        registry.makeCounter(descriptor: Self.reloadsName, labels: [("table", kind.rawValue), ("outcome", "refused")]).increment()
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> [UInt8] { registry.emitToBuffer() }

    private static var requestsName: MetricNameDescriptor {
        descriptor("http", "requests", "total", "Requests answered, by route and HTTP status.")
    }
    private static var durationName: MetricNameDescriptor {
        descriptor("http", "request_duration", "seconds", "Time from the request reaching the router to its response, by route.")
    }
    private static var infoName: MetricNameDescriptor {
        descriptor("table", "info", "", "1 for the version of each table being served.")
    }
    private static var rowsName: MetricNameDescriptor {
        descriptor("table", "rows", "", "Rows (key, query) of the version being served.")
    }
    private static var keysName: MetricNameDescriptor {
        descriptor("table", "keys", "", "Keys (users or triggers) of the version being served.")
    }
    private static var reloadsName: MetricNameDescriptor {
        descriptor("table", "reloads", "total", "Versions loaded or refused since the server started, by table.")
    }
    private static var loadDurationName: MetricNameDescriptor {
        descriptor("table", "load_duration", "seconds", "Time the last successful load of each table took (checksums, reading, indexing).")
    }

    private static func descriptor(
        _ subsystem: String, _ metric: String, _ unit: String, _ help: String
    ) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "aigq", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
    }
}
