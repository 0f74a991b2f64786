import Dispatch
import Foundation
public import Logging
public import ServiceLifecycle

/// Follows each table's `CURRENT` and switches the served version when it changes: on a thread of
/// its own (so neither requests nor a busy task pool delay it), it reads `CURRENT` every
/// ``interval``, and when that names a version other than the one served (or the same name in a new
/// folder) loads and verifies it, then installs it in the ``TableStore`` in one step. Requests keep
/// reading the old version meanwhile and are never failed or delayed by a load.
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

    /// Polls on its own thread until the service group shuts down (or this task is cancelled).
    public func run() async throws {
        let stop = DispatchSemaphore(value: 0)
        let stopped = DispatchSemaphore(value: 0)
        let pause = DispatchTimeInterval.nanoseconds(
            Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000))
        let thread = Thread {
            repeat {
                for kind in ServedTableKind.allCases { self.poll(kind) }
            } while stop.wait(timeout: .now() + pause) == .timedOut
            stopped.signal()
        }
        thread.name = "aigq table watcher"
        thread.start()
        try? await gracefulShutdown()
        stop.signal()
        // At most one poll is in flight; wait for it off the task pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                stopped.wait()
                done.resume()
            }
        }
    }

    /// Looks at `kind`'s `CURRENT` once and loads what it names if that is new (blocking file I/O);
    /// returns whether a version was installed.
    @discardableResult
    public func poll(_ kind: ServedTableKind) -> Bool {
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

        let started = ContinuousClock.now
        let table: ServedTable
        do {
            table = try loader.load(kind, at: observation)
        } catch {
            refuse(kind, observation, reason: (error as? ServingError)?.message ?? "\(error)")
            return false
        }
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
