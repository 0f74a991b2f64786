import Foundation

/// What every benchmark run beside Python peers shares: repetitions, thread counts, where its files
/// go, the peers, and how to start our worker. Each benchmark's options hold one and add its size
/// (``PeerBenchmarkOptions`` makes the fields readable as the options' own).
public struct PeerBenchmarkSettings: Sendable {
    /// Measured repetitions per tool after one warm-up; `nil`: 3, or 5 when every warm-up took
    /// under a second.
    public var reps: Int?
    /// Thread counts to measure, each for every tool.
    public var threads: [Int] = [1, 2]
    /// Where to put the input and outputs; `nil`: a fresh temporary folder.
    public var directory: String?
    /// Keep the files (and a temporary folder) after the run.
    public var keep = false
    /// The Python peers; `nil` runs ours alone.
    public var peers: PeerSetup?
    /// The command line that starts our worker, e.g. `["/path/aigq", "bench", "parquet-worker"]`.
    public var workerCommand: [String]
    /// Our version, as printed in the report.
    public var version: String

    /// Settings with the defaults above.
    public init(workerCommand: [String], version: String) {
        self.workerCommand = workerCommand
        self.version = version
    }

    /// Checks that the numbers make sense.
    public func validate() throws {
        if let reps, reps < 1 { throw BenchmarkError("--reps must be at least 1 (got \(reps))") }
        guard !threads.isEmpty, threads.allSatisfy({ $0 >= 1 }) else {
            throw BenchmarkError("--threads needs thread counts of at least 1, e.g. --threads 1,2")
        }
    }
}

extension PeerBenchmarkSettings {
    /// The benchmark's folder: ``directory`` (created when missing), else a fresh temporary folder
    /// that the benchmark owns.
    func workingDirectory(prefix: String) throws -> (path: String, owned: Bool) {
        let path = try directory ?? makeTemporaryDirectory(prefix: prefix)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return (path, directory == nil)
    }

    /// Unless ``keep``: removes an owned folder whole, or else only what the run `made` in it
    /// (absolute paths; files or folders).
    func cleanUp(_ folder: (path: String, owned: Bool), made: [String]) {
        guard !keep else { return }
        for path in folder.owned ? [folder.path] : made { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// A benchmark's options: its own size plus the shared ``PeerBenchmarkSettings``, whose fields read
/// and write as the options' own (`options.reps`, `options.peers`).
@dynamicMemberLookup
public protocol PeerBenchmarkOptions: Sendable {
    /// The shared settings.
    var settings: PeerBenchmarkSettings { get set }
}

extension PeerBenchmarkOptions {
    /// A field of ``settings``.
    public subscript<Value>(dynamicMember path: WritableKeyPath<PeerBenchmarkSettings, Value>) -> Value {
        get { settings[keyPath: path] }
        set { settings[keyPath: path] = newValue }
    }
}
