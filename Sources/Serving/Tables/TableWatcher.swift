import Dispatch
public import Logging
public import ServiceLifecycle

/// Follows each table's `CURRENT` and switches the served version when it changes: it reads
/// `CURRENT` every ``interval``, and when it names a version other than the one served (or the same
/// name in a new folder) loads and verifies it on a background thread, then installs it in the
/// ``TableStore`` in one step. Requests keep reading the old version meanwhile and are never failed
/// or delayed by a load.
///
/// A version that cannot be loaded (a checksum that does not match, a missing or unreadable file,
/// a lookup file of another version, a path leading outside the exports folder) is refused: logged
/// once, counted, shown by `/healthz`, and the old version keeps serving until `CURRENT` changes
/// again. A `CURRENT` that disappears leaves the served version in place.
public struct TableWatcher: Service {
    /// The tables.
    public let store: TableStore
    /// Reads `CURRENT` and loads versions.
    public let loader: TableLoader
    /// Counts loads and refusals.
    public let metrics: ServingMetrics
    /// How often `CURRENT` is read.
    public let interval: Duration
    /// Where loads and refusals are logged.
    public let logger: Logger

    /// A watcher installing into `store`.
    public init(store: TableStore, loader: TableLoader, metrics: ServingMetrics, interval: Duration, logger: Logger) {
        self.store = store
        self.loader = loader
        self.metrics = metrics
        self.interval = interval
        self.logger = logger
    }

    /// Polls until the service group shuts down.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    for kind in ServedTableKind.allCases { await self.poll(kind) }
                    try await Task.sleep(for: self.interval)
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// Looks at `kind`'s `CURRENT` once and loads what it names if that is new; returns whether a
    /// version was installed.
    @discardableResult
    public func poll(_ kind: ServedTableKind) async -> Bool {
        let observation: CurrentObservation
        do {
            guard let observed = try loader.observe(kind) else { return false }
            observation = observed
        } catch {
            // An unreadable CURRENT: keep serving; say so once per distinct problem.
            let reason = (error as? ServingError)?.message ?? "\(error)"
            let unreadable = CurrentObservation(version: "unreadable: " + reason, folder: nil)
            guard !store.settle(kind, unreadable) else { return false }
            refuse(kind, unreadable, reason: reason)
            return false
        }
        guard !store.settle(kind, observation) else { return false }

        let loader = self.loader
        let started = ContinuousClock.now
        let result: Result<ServedTable, any Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { try loader.load(kind, at: observation) })
            }
        }
        switch result {
        case .success(let table):
            let elapsed = ContinuousClock.now - started
            let previous = store.install(table)
            metrics.tableLoaded(table, duration: elapsed)
            logger.info(
                "serving \(kind.rawValue) \(table.version)",
                metadata: [
                    "table": "\(kind.rawValue)", "version": "\(table.version)", "previous": "\(previous?.version ?? "none")",
                    "rows": "\(table.rows)", "keys": "\(table.keys)", "load_ms": "\(elapsed.milliseconds)",
                ])
            return true
        case .failure(let error):
            refuse(kind, observation, reason: (error as? ServingError)?.message ?? "\(error)")
            return false
        }
    }

    private func refuse(_ kind: ServedTableKind, _ observation: CurrentObservation, reason: String) {
        store.refuse(kind, observation, reason: reason)
        metrics.tableRefused(kind)
        let served = store.snapshot[kind]?.version ?? "nothing"
        logger.error(
            "refused \(kind.rawValue) \(observation.version): \(reason); still serving \(served)",
            metadata: ["table": "\(kind.rawValue)", "version": "\(observation.version)", "serving": "\(served)"])
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
