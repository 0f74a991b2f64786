import GRDB

extension Manifest {
    /// `PRAGMA application_id` of every aigq manifest ("AIGQ" in ASCII), so a foreign SQLite file
    /// is recognised instead of being migrated.
    static let applicationID: Int32 = 0x4149_4751

    /// The schema version this build writes: the number of registered migrations, also stored in
    /// `PRAGMA user_version` by each migration.
    public static var schemaVersion: Int { migrator.migrations.count }

    /// The schema migrations, in order. Append-only: never edit or reorder a shipped migration;
    /// add `v2`, `v3`, … and extend ``schemaVersion``'s tests.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: ManifestSchema.v1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        return migrator
    }

    /// Refuses foreign and newer databases, then applies missing migrations.
    func prepareSchema() throws {
        let migrator = Self.migrator
        do {
            let upToDate = try writer.read { db in
                try checkCompatibility(db, migrator: migrator)
                return try migrator.hasCompletedMigrations(db)
            }
            // An up-to-date manifest is opened without taking the write lock, so `aigq status`
            // never waits for a running `aigq run`.
            guard !upToDate else { return }
            try migrator.migrate(writer)
            // Another process may have migrated between the check and here; check again.
            try writer.read { db in try checkCompatibility(db, migrator: migrator) }
        } catch let error as ManifestError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw ManifestError.notAManifest(path: path, reason: "it is not an SQLite database", cause: error)
        } catch {
            throw ManifestError.databaseFailed("migrate the manifest schema", path: path, cause: error)
        }
    }

    private func checkCompatibility(_ db: Database, migrator: DatabaseMigrator) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != 0 && applicationID != Self.applicationID {
            throw ManifestError.notAManifest(
                path: path, reason: "its application_id is \(applicationID), not aigq's \(Self.applicationID)")
        }
        let applied = try migrator.appliedIdentifiers(db)
        if applicationID == 0 && applied.isEmpty {
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            // GRDB creates its (empty) bookkeeping table before the first migration commits, so a run
            // killed at that moment leaves just that table: still a fresh manifest, not a foreign file.
            if !tables.isEmpty && tables != ["grdb_migrations"] {
                let names = tables.map { "'\($0)'" }.joined(separator: ", ")
                throw ManifestError.notAManifest(path: path, reason: "it already holds other tables (\(names))")
            }
        }
        let unknown = applied.subtracting(migrator.migrations).sorted()
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if !unknown.isEmpty || userVersion > Self.schemaVersion {
            throw ManifestError.newerSchema(
                path: path, unknownMigrations: unknown, storedVersion: userVersion, knownVersion: Self.schemaVersion)
        }
    }
}
