import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a version: a hidden staging folder, filled by the caller, then made durable and renamed
/// into place in one step, so a reader sees a complete version folder or none.
extension ExportFolder {
    /// Removes the hidden temporary folders and files (`.<name>.tmp-<pid>-<id>`) left by processes
    /// that are no longer alive; returns their names. Those of live processes (a concurrent export of
    /// another day) are kept.
    @discardableResult
    public func removeLeftovers() throws -> [String] {
        var removed: [String] = []
        for name in FileSystem.names(in: path) {
            guard let owner = FileSystem.temporaryOwner(of: name), !FileSystem.processIsAlive(owner) else { continue }
            try FileSystem.removeTree(path + "/" + name)
            removed.append(name)
        }
        if !removed.isEmpty { try FileSystem.syncDirectory(path) }
        return removed
    }

    /// Creates the table folder if needed and a fresh hidden staging folder in it
    /// (`.<label>.tmp-<pid>-<id>`); returns its path. Fill it, then ``commit(staging:manifest:)``.
    public func makeStaging(label: String) throws -> String {
        try FileSystem.makeDirectories(path)
        let staging = path + "/" + FileSystem.temporaryName(for: label)
        guard mkdir(staging, 0o755) == 0 else { throw FileSystem.systemError("cannot create the folder '\(staging)'") }
        return staging
    }

    /// Removes a staging folder made by ``makeStaging(label:)`` that will not be committed.
    public func discard(staging: String) throws {
        let (parent, name) = FileSystem.split(staging)
        guard parent == path, FileSystem.temporaryOwner(of: name) != nil else {
            throw LookupError(.invalidArgument, "'\(staging)' is not a staging folder of table \(table)")
        }
        try FileSystem.removeTree(staging)
    }

    /// Writes `manifest` into `staging`, fsyncs every file and the folder, and renames it to the
    /// version folder `manifest.version`. The staging folder must hold exactly the files the manifest
    /// lists. When that version folder already exists with the same manifest and intact files, the
    /// staging folder is removed instead (an idempotent rerun); when it exists but is broken or
    /// different, it is replaced.
    @discardableResult
    public func commit(staging: String, manifest: ExportManifest) throws -> CommitOutcome {
        guard manifest.table == table else {
            throw LookupError(.invalidArgument, "a manifest of table \(manifest.table) cannot be committed to table \(table)")
        }
        let final = try folder(of: manifest.version)
        let present = Set(FileSystem.names(in: staging))
        let listed = Set(manifest.files.map(\.name))
        guard present == listed else {
            throw LookupError(.invalidArgument, "staging folder '\(staging)' holds \(present.sorted()) but the manifest lists \(listed.sorted()); list every file")
        }
        try FileSystem.writeDurably(manifest.jsonData(), to: staging + "/" + ExportManifest.fileName)
        for name in present.sorted() { try FileSystem.syncFile(staging + "/" + name) }
        try FileSystem.syncDirectory(staging)

        return try FileSystem.withExclusiveLock(path + "/" + Self.lockFileName) {
            guard FileSystem.exists(final) else {
                try FileSystem.move(staging, to: final)
                return .created
            }
            if (try? self.manifest(of: manifest.version)) == manifest, (try? verify(version: manifest.version)) != nil {
                try FileSystem.removeTree(staging)
                return .reused
            }
            let aside = path + "/" + FileSystem.temporaryName(for: manifest.version)
            try FileSystem.move(final, to: aside)
            try FileSystem.move(staging, to: final)
            try FileSystem.removeTree(aside)
            return .replaced
        }
    }
}
