public import Foundation
import GRDB

/// The run manifest: an SQLite database (through GRDB, in WAL mode) of runs, task runs, the last
/// successful state of every task, the recorded output shards, and a file-checksum cache.
///
/// ```swift
/// let manifest = try Manifest(path: "Workspace/manifest.sqlite")
/// try manifest.markInterruptedRuns()
/// let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
/// let attempt = try manifest.beginTask(runID: run.id, taskKey: "ingest/dt=2026-11-23", stage: "ingest")
/// // … write outputs to temporary paths, fsync, rename, then:
/// try manifest.completeTask(taskRunID: attempt.id, state: state, outputs: shards)
/// try manifest.finishRun(id: run.id, status: .succeeded)
/// ```
///
/// Every operation is one SQLite transaction (`BEGIN IMMEDIATE`), so a crash at any point leaves
/// either the old or the new state. Readers see a consistent snapshot and are never blocked by the
/// writer; several `Manifest` values, in one process or several, may share one file.
/// All methods are synchronous and thread-safe.
///
/// ## Topics
/// - ``init(path:durability:)``, ``inMemory()``, ``Durability``
/// - Runs: ``beginRun(pipeline:commandLine:pid:host:startedAt:)``, ``finishRun(id:status:finishedAt:)``,
///   ``markInterruptedRuns()``, ``runs(limit:)``, ``runSummaries(limit:)``
/// - Tasks: ``beginTask(runID:taskKey:stage:day:shard:fingerprint:startedAt:)``,
///   ``completeTask(taskRunID:state:outputs:rowsIn:rowsOut:bytesOut:finishedAt:)``, ``failTask(id:error:finishedAt:)``
/// - Shards: ``shards(dataset:)``, ``shard(dataset:path:)``, ``removeShard(dataset:path:)``
/// - Hash cache: ``cachedChecksum(path:size:mtimeNanoseconds:inode:)``, ``storeChecksum(_:)``
public final class Manifest: Sendable {
    /// The database file's path, or `":memory:"` for ``inMemory()``.
    public let path: String
    /// How long a write waits for another process's write before failing with ``ManifestError/Code/busy``.
    public static let busyTimeout: TimeInterval = 10

    let writer: any DatabaseWriter
    let failpoint: (@Sendable (Failpoint) throws -> Void)?

    /// Places where tests can make an operation throw half-way, to check that nothing is half-written.
    enum Failpoint: Sendable, Equatable {
        case completeTaskBeforeCommit
        case beginRunBeforeCommit
    }

    /// Opens the manifest at `path`, creating it if needed, and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - path: The database file; its directory must exist. `-wal` and `-shm` files appear beside it.
    ///   - durability: How hard commits are pushed to disk; see ``Durability``.
    /// - Throws: ``ManifestError`` with code ``ManifestError/Code/cannotOpen``,
    ///   ``ManifestError/Code/notAManifest`` or ``ManifestError/Code/newerSchema``.
    public convenience init(path: String, durability: Durability = .full) throws {
        try self.init(path: path, durability: durability, failpoint: nil)
    }

    init(path: String, durability: Durability, failpoint: (@Sendable (Failpoint) throws -> Void)?) throws {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration(durability))
        } catch {
            throw ManifestError.openFailed(path: path, cause: error)
        }
        self.path = path
        self.writer = pool
        self.failpoint = failpoint
        try prepareSchema()
    }

    private init(queue: DatabaseQueue) throws {
        self.path = ":memory:"
        self.writer = queue
        self.failpoint = nil
        try prepareSchema()
    }

    /// Opens a fresh manifest that lives in memory only (for tests and dry runs).
    public static func inMemory() throws -> Manifest {
        do {
            return try Manifest(queue: DatabaseQueue(configuration: configuration(.full)))
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.openFailed(path: ":memory:", cause: error)
        }
    }

    static func configuration(_ durability: Durability) -> Configuration {
        var configuration = Configuration()
        configuration.label = "aigq manifest"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
        }
        return configuration
    }

    /// Runs `body` in one immediate write transaction; any error rolls everything back.
    ///
    /// `action` completes the sentence "Could not …" in the error message.
    func write<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw ManifestError.internalInconsistency(action) }
                return result
            }
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.databaseFailed(action, path: path, cause: error)
        }
    }

    /// Runs `body` in one read transaction: it sees a single consistent snapshot.
    func read<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as ManifestError {
            throw error
        } catch {
            throw ManifestError.databaseFailed(action, path: path, cause: error)
        }
    }
}
