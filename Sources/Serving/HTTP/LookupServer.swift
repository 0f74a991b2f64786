public import Hummingbird
public import Logging
import NIOCore
import NIOPosix

/// The lookup server of `aigq serve` (spec §8): the exported tables in memory, a watcher that swaps
/// in new versions, and the routes.
///
/// ```
/// GET /v1/hints?user=<id>&n=<n>&recent=<trigger>,<trigger>   the merged hints (HintList), JSON
/// GET /v1/ping                                                "pong": the HTTP stack alone (bench ceiling)
/// GET /healthz                                                the versions served and any refused, JSON
/// GET /metrics                                                Prometheus text (ServingMetrics)
/// ```
///
/// ```swift
/// let server = try LookupServer(configuration: ServingConfiguration(workspace: "Workspace"), logger: logger)
/// try await server.run()   // until SIGINT or SIGTERM, then a graceful shutdown
/// ```
public struct LookupServer: Sendable {
    /// Where and how it serves.
    public let configuration: ServingConfiguration
    /// The tables being served.
    public let store: TableStore
    /// The metrics behind `/metrics`.
    public let metrics: ServingMetrics
    /// Follows `CURRENT` (a service of the application).
    public let watcher: TableWatcher
    /// Where loads, refusals and the server's own events are logged.
    public let logger: Logger

    /// Loads the tables `CURRENT` names. Throws ``ServingError/Code/notServable`` when the exports
    /// folder is missing or, with `requireU2Q`, when u2q cannot be loaded; the optional tables
    /// (x2q, popular) are served when present and loadable.
    public init(configuration: ServingConfiguration, logger: Logger, requireU2Q: Bool = true) throws {
        try configuration.validate()
        let root = try ExportsRoot(configuration.exports)
        self.configuration = configuration
        self.store = TableStore()
        self.metrics = ServingMetrics()
        self.logger = logger
        self.watcher = TableWatcher(
            store: store, loader: TableLoader(root: root), metrics: metrics, interval: configuration.pollInterval, logger: logger)
        for kind in ServedTableKind.allCases { watcher.poll(kind) }
        if requireU2Q, store.snapshot.u2q == nil {
            let reason = store.refusals[.u2q]?.reason
                ?? "'\(configuration.exports)/u2q/CURRENT' does not exist; run the pipeline (`aigq run`) so its export stage publishes u2q"
            throw ServingError(.notServable, "cannot serve u2q: \(reason)")
        }
    }

    /// The routes, with request metrics on every one.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        let store = self.store
        let metrics = self.metrics
        router.get("/v1/hints") { request, _ -> Response in
            let query = try HintsQuery(queryString: request.uri.query ?? "")
            let snapshot = store.snapshot
            guard let u2q = snapshot.u2q else {
                throw ServingError(.notServable, "no u2q table is loaded; publish one (aigq run, aigq publish) and retry")
            }
            var buffer = ByteBufferAllocator().buffer(capacity: 128 + 48 * query.count)
            HintList(query, u2q: u2q, snapshot: snapshot).write(query, into: &buffer)
            return RenderedResponse.json(json: buffer)
        }
        let pong = ByteBuffer(string: "pong\n")
        router.get("/v1/ping") { _, _ -> Response in
            RenderedResponse.text(pong, contentType: "text/plain; charset=utf-8")
        }
        router.get("/healthz") { _, _ -> Response in
            let health = HealthReport(snapshot: store.snapshot, refusals: store.refusals)
            return RenderedResponse.json(status: health.isServing ? .ok : .serviceUnavailable, json: ByteBuffer(string: health.json))
        }
        router.get("/metrics") { _, _ -> Response in
            RenderedResponse.text(ByteBuffer(bytes: metrics.render()), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        return router
    }

    /// Serves until SIGINT or SIGTERM, then stops after answering the requests in flight.
    /// `onServerRunning` receives the port once the server listens.
    public func run(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = configuration.threads.map { MultiThreadedEventLoopGroup(numberOfThreads: $0) }
        do {
            try await application(eventLoopGroup: group, onServerRunning: onServerRunning).runService()
        } catch {
            try? await group?.shutdownGracefully()
            throw error
        }
        try await group?.shutdownGracefully()
    }

    /// The application: the router on ``configuration``'s address, with the watcher as a service.
    /// `onServerRunning` receives the port once the server listens (the one chosen for port 0).
    /// Requests are answered on the threads of `eventLoopGroup` (default: one per core, shared).
    public func application(
        eventLoopGroup: (any EventLoopGroup)? = nil, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: [watcher],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            eventLoopGroupProvider: eventLoopGroup.map { .shared($0) } ?? .singleton,
            logger: logger)
    }
}
