public import Foundation

/// One invocation of `aigq run` (or `backfill`): when, what, by whom, and how it ended.
public struct RunRecord: Codable, Sendable, Equatable, Identifiable {
    /// The run's id, increasing with every run in the manifest.
    public var id: Int64
    /// When the run began (stored with millisecond precision).
    public var startedAt: Date
    /// When the run finished; `nil` while ``status`` is ``RunStatus/running``.
    public var finishedAt: Date?
    /// How the run ended, or ``RunStatus/running``.
    public var status: RunStatus
    /// The command line as the user typed it, for `aigq runs`.
    public var commandLine: String
    /// The name of the pipeline that ran.
    public var pipeline: String
    /// The process id of the `aigq` process that ran it.
    public var pid: Int32
    /// The host name of the machine that ran it.
    public var host: String

    /// Creates a run record.
    public init(
        id: Int64,
        startedAt: Date,
        finishedAt: Date? = nil,
        status: RunStatus,
        commandLine: String,
        pipeline: String,
        pid: Int32,
        host: String
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.commandLine = commandLine
        self.pipeline = pipeline
        self.pid = pid
        self.host = host
    }

    /// The run's wall-clock duration in seconds, or `nil` while it has no ``finishedAt``.
    public var duration: TimeInterval? { finishedAt.map { $0.timeIntervalSince(startedAt) } }
}
