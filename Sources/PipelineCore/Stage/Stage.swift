/// The Swift implementation of a stage kind: runs one task.
///
/// The runner calls ``run(_:)`` with a ``StageContext`` that names the task's input shards and a
/// fresh temporary folder per output dataset; the stage writes its files there and returns. The
/// runner then fsyncs and publishes the folders atomically and records them in the manifest, so a
/// stage never has to think about crashes, partial outputs or staleness.
public protocol Stage: Sendable {
    /// Runs one task. Throwing fails the task (the runner may retry it, see `retries:`).
    func run(_ context: StageContext) throws -> StageResult
}

/// What a stage reports about a task it ran (shown by `aigq runs`).
public struct StageResult: Hashable, Sendable {
    /// Rows read, if the stage counts them.
    public var rowsIn: Int?
    /// Rows written, if the stage counts them.
    public var rowsOut: Int?

    /// Creates a result.
    public init(rowsIn: Int? = nil, rowsOut: Int? = nil) {
        self.rowsIn = rowsIn
        self.rowsOut = rowsOut
    }
}
