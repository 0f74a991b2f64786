import Foundation
import GRDB
import Testing
@testable import ManifestStore

@Suite struct MigrationTests {
    @Test func createsEveryTableInAnEmptyFile() throws {
        let directory = TemporaryDirectory()
        let manifest = try Fixtures.manifest(in: directory)
        let (tables, userVersion, applicationID, journal, synchronous, foreignKeys) = try manifest.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"),
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(tables.filter { !$0.hasPrefix("sqlite_") }
            == ["grdb_migrations", "hash_cache", "run", "shard", "task_run", "task_state"])
        #expect(userVersion == Manifest.schemaVersion)
        #expect(applicationID == Manifest.applicationID)
        #expect(journal == "wal")
        #expect(synchronous == 2)  // FULL
        #expect(foreignKeys == true)
    }

    @Test func normalDurabilitySetsSynchronousNormal() throws {
        let directory = TemporaryDirectory()
        let manifest = try Manifest(path: directory.file("m.sqlite"), durability: .normal)
        #expect(try manifest.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
    }

    @Test func reopeningKeepsTheDataAndAppliesNothingTwice() throws {
        let directory = TemporaryDirectory()
        let run = try Fixtures.manifest(in: directory).beginRun(pipeline: "daily", commandLine: "aigq run")
        let reopened = try Fixtures.manifest(in: directory)
        #expect(try reopened.runs() == [run])
        let applied = try reopened.writer.read { db in try Manifest.migrator.appliedMigrations(db) }
        #expect(applied == Manifest.migrator.migrations)
    }

    @Test func refusesADatabaseWithAMigrationItDoesNotKnow() throws {
        let directory = TemporaryDirectory()
        let manifest = try Fixtures.manifest(in: directory)
        try manifest.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
        }
        let error = #expect(throws: ManifestError.self) { try Fixtures.manifest(in: directory) }
        #expect(error?.code == .newerSchema)
        #expect(error?.message.contains("'v99'") == true)
        #expect(error?.message.contains("Upgrade aigq") == true)
    }

    @Test func refusesADatabaseWithAHigherUserVersion() throws {
        let directory = TemporaryDirectory()
        let manifest = try Fixtures.manifest(in: directory)
        try manifest.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = \(Manifest.schemaVersion + 1)")
        }
        let error = #expect(throws: ManifestError.self) { try Fixtures.manifest(in: directory) }
        #expect(error?.code == .newerSchema)
        #expect(error?.message.contains("schema version \(Manifest.schemaVersion + 1)") == true)
    }

    @Test func refusesAnSQLiteDatabaseItDidNotCreate() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE player (id INTEGER PRIMARY KEY)") }
        try queue.close()
        let error = #expect(throws: ManifestError.self) { try Manifest(path: path) }
        #expect(error?.code == .notAManifest)
        #expect(error?.message.contains("'player'") == true)
        #expect(error?.message.contains("'\(path)'") == true)
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("notes.sqlite")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: ManifestError.self) { try Manifest(path: path) }
        #expect(error?.code == .notAManifest)
    }

    @Test func explainsAMissingDirectory() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("missing/manifest.sqlite")
        let error = #expect(throws: ManifestError.self) { try Manifest(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("'\(path)'") == true)
        #expect(error?.cause != nil)
        #expect(error?.detailedDescription().contains("└─ Source location:") == true)
    }

    @Test func inMemoryManifestWorks() throws {
        let manifest = try Manifest.inMemory()
        let run = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
        #expect(try manifest.run(id: run.id) == run)
        #expect(manifest.path == ":memory:")
    }
}

/// A run killed while creating its manifest leaves only GRDB's empty bookkeeping table (found by
/// the crash harness); the next open must finish creating the manifest, not refuse the file.
@Suite struct InterruptedCreationTests {
    @Test func aManifestKilledDuringItsFirstMigrationOpensAsNew() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/manifest.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        try queue.close()
        let manifest = try Manifest(path: path)
        #expect(try manifest.runs().isEmpty)
        _ = try manifest.beginRun(pipeline: "daily", commandLine: "aigq run")
    }
}
