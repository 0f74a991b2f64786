/// How `aigq serve` runs: which exports folder, which address, how often `CURRENT` is read.
public struct ServingConfiguration: Sendable {
    /// The exports folder (`<workspace>/exports`).
    public var exports: String
    /// The address to listen on.
    public var host: String
    /// The port to listen on (0: any free port, reported once listening).
    public var port: Int
    /// How often each table's `CURRENT` is read.
    public var pollInterval: Duration
    /// Event-loop threads answering requests; `nil`: one per core.
    public var threads: Int?

    /// Serving the exports of `workspace` on `host:port`.
    public init(
        workspace: String, host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(200),
        threads: Int? = nil
    ) {
        self.exports = workspace + "/exports"
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
        self.threads = threads
    }

    /// Throws when a value cannot work (a port out of range, a poll interval under 10 ms).
    public func validate() throws {
        guard (0...65535).contains(port) else {
            throw ServingError(.invalidArgument, "port \(port) is out of range; use 1…65535, or 0 for any free port")
        }
        if let threads, threads < 1 {
            throw ServingError(.invalidArgument, "\(threads) threads cannot answer requests; use 1 or more")
        }
        guard pollInterval >= .milliseconds(10) else {
            throw ServingError(.invalidArgument, "a poll interval of \(pollInterval) is too short; use 10 ms or more")
        }
    }
}
