/// Why a task will (re)run: a category to filter on, a one-line reason for people, and the name of
/// what is responsible (a param, an input or output shard), in the manner of dagster's `StaleCause`.
///
/// Reasons read like `param lr changed 3e-4 → 1e-3`, `input events dt=2026-11-23 bucket=003 changed`,
/// `code version 2 → 3`, `output 'sessions/dt=2026-11-23/part-00000.parquet' deleted`.
public struct StaleCause: Hashable, Sendable, CustomStringConvertible {
    /// The kind of change.
    public enum Category: String, Hashable, Sendable, CaseIterable {
        /// The stage kind or its code version changed.
        case code
        /// A param was added, removed or changed.
        case params
        /// An input shard was added, removed or changed.
        case inputs
        /// An output shard was deleted or no longer matches its checksum.
        case outputs
        /// The user forced the rerun.
        case forced
        /// The last attempt failed.
        case failed
        /// The task never ran.
        case new
    }

    /// The kind of change.
    public var category: Category
    /// One line saying what changed.
    public var reason: String
    /// The param, shard (`events dt=…`) or output path responsible, when there is one.
    public var dependency: String?

    /// Creates a cause.
    public init(_ category: Category, _ reason: String, dependency: String? = nil) {
        self.category = category
        self.reason = reason
        self.dependency = dependency
    }

    /// The reason.
    public var description: String { reason }
}
