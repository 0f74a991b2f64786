import Synchronization

/// The tables being served, behind one lock held only to copy or replace a few references: a
/// request takes a ``TableSnapshot`` and never waits for a load, which happens beside it
/// (``TableWatcher``) and is installed in one step.
///
/// It also remembers, per table, the version last refused (and why), so the watcher does not try a
/// broken version again until `CURRENT` or the version folder changes, and `/healthz` can say so.
public final class TableStore: Sendable {
    /// A version that was not installed.
    public struct Refusal: Hashable, Sendable {
        /// What `CURRENT` named.
        public var observation: CurrentObservation
        /// Why it was refused.
        public var reason: String
    }

    private struct State {
        var snapshot = TableSnapshot()
        var refusals: [ServedTableKind: Refusal] = [:]
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    /// The tables served now.
    public var snapshot: TableSnapshot { state.withLock { $0.snapshot } }

    /// The last refusal of each table since its last successful load.
    public var refusals: [ServedTableKind: Refusal] { state.withLock { $0.refusals } }

    /// Serves `table` from now on in place of its kind's previous version; returns that version.
    @discardableResult
    public func install(_ table: ServedTable) -> ServedTable? {
        state.withLock { state in
            let previous = state.snapshot[table.kind]
            state.snapshot[table.kind] = table
            state.refusals[table.kind] = nil
            return previous
        }
    }

    /// Records that the version `observation` of `kind` was refused because of `reason`.
    public func refuse(_ kind: ServedTableKind, _ observation: CurrentObservation, reason: String) {
        state.withLock { $0.refusals[kind] = Refusal(observation: observation, reason: reason) }
    }

    /// Whether `observation` of `kind` needs no load: it is what is served (a refusal recorded since,
    /// e.g. before a rollback to it, is then forgotten) or it was already refused.
    public func settle(_ kind: ServedTableKind, _ observation: CurrentObservation) -> Bool {
        state.withLock { state in
            if state.snapshot[kind]?.observation == observation {
                state.refusals[kind] = nil
                return true
            }
            return state.refusals[kind]?.observation == observation
        }
    }
}
