import Columnar
import Foundation
import Stages

/// Our side of `aigq bench sessions`, one task per process (`aigq bench sessions --worker …`):
///
/// - `generate`: writes the input (``SessionsBenchInput``) into `dir`;
/// - `run`: times the sessions stage's work (``SessionsJob``) on the input: reading the day's
///   `users`, `items`, `queries`, then every `events` shard bucket by bucket on `threads` threads,
///   making `behaviors` and `direct_sessions` (not `think_sessions`: the peers do not make them) and
///   writing them (zstd Parquet) under `output`;
/// - `checksum`: prints the fingerprints (``SessionsChecksum``) of the outputs under `output`.
public enum SessionsWorker {
    /// The task to run.
    public enum Task: String, CaseIterable, Sendable {
        case generate, run, checksum
    }

    /// The columns of `direct_sessions` that the checksum covers (all of them).
    static let directColumns = DatasetSchemas.directSessions.fields.map(\.name)
    /// The columns of `behaviors` that the checksum covers (all of them).
    static let behaviorColumns = DatasetSchemas.behaviors.fields.map(\.name)

    /// Runs `task` and returns the line to print (a ``WorkerReport`` line, or the checksums as JSON).
    public static func run(task: Task, dir: String, output: String?, threads: Int, events: Int?, version: String) throws -> String {
        guard threads >= 1 else { throw BenchmarkError("--threads must be at least 1 (got \(threads))") }
        let clock = ContinuousClock()
        let start = clock.now
        switch task {
        case .generate:
            guard let events else { throw BenchmarkError("--worker generate needs --events N") }
            let bytes = try SessionsBenchInput.write(events: events, to: dir, threads: threads)
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: (clock.now - start).seconds,
                rows: events, bytes: bytes).jsonLine
        case .run:
            guard let output else { throw BenchmarkError("--worker run needs --output DIR") }
            var options = SessionsOptions(day: SessionsBenchInput.day)
            options.outputs = [.behaviors, .directSessions]
            let job = try SessionsJob(
                options: options, users: SessionsBenchInput.files("users", in: dir), items: SessionsBenchInput.files("items", in: dir),
                queries: SessionsBenchInput.files("queries", in: dir))
            let counts = try job.run(
                eventFiles: SessionsBenchInput.files("events", in: dir),
                folders: [.behaviors: output + "/behaviors", .directSessions: output + "/direct_sessions"], threads: threads)
            let seconds = (clock.now - start).seconds
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: seconds, rows: counts.events,
                bytes: outputBytes(output)).jsonLine
        case .checksum:
            guard let output else { throw BenchmarkError("--worker checksum needs --output DIR") }
            let direct = try SessionsChecksum.of(folder: output + "/direct_sessions", columns: directColumns)
            let behaviors = try SessionsChecksum.of(folder: output + "/behaviors", columns: behaviorColumns)
            return JSONValue.object([
                ("direct_rows", .int(direct.rows)), ("direct_sum", .string(String(direct.sum, radix: 16))),
                ("behaviors_rows", .int(behaviors.rows)), ("behaviors_sum", .string(String(behaviors.sum, radix: 16))),
            ]).text
        }
    }

    /// The total size of the Parquet files under `folder`.
    static func outputBytes(_ folder: String) -> Int {
        let names = (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".parquet") }
        return names.reduce(0) { $0 + ((try? fileSize(folder + "/" + $1)) ?? 0) }
    }
}
