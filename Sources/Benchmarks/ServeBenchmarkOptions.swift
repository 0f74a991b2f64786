/// What `aigq bench serve` runs: one `aigq serve`, and wrk against `/v1/hints` and `/v1/ping` on it.
public struct ServeBenchmarkOptions: Sendable {
    /// The `aigq` executable to start as `aigq serve`.
    public var executable: String
    /// Our version, as printed in the report.
    public var version: String
    /// Seconds of each wrk run.
    public var seconds = 10
    /// Measured runs per route after one warm-up each, routes alternating.
    public var reps = 3
    /// wrk's open connections.
    public var connections = 64
    /// wrk's threads.
    public var threads = 2
    /// Users of the generated u2q table (ignored with ``workspace``).
    public var users = 3000
    /// Serve this workspace's exports instead of generated tables (e.g. the main job's).
    public var workspace: String?
    /// Where to put the generated tables and wrk's scripts; `nil`: a fresh temporary folder.
    public var directory: String?
    /// Keep the files after the run.
    public var keep = false

    /// Options with the defaults above.
    public init(executable: String, version: String) {
        self.executable = executable
        self.version = version
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        guard seconds >= 1 else { throw BenchmarkError("--seconds must be at least 1 (got \(seconds))") }
        guard reps >= 1 else { throw BenchmarkError("--reps must be at least 1 (got \(reps))") }
        guard threads >= 1, connections >= threads else {
            throw BenchmarkError("--connections (\(connections)) must be at least --threads (\(threads)), which must be at least 1")
        }
        guard users >= 1 else { throw BenchmarkError("--users must be at least 1 (got \(users))") }
    }
}
