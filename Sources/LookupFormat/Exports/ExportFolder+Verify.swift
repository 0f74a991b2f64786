import Foundation

/// Checking a version folder before trusting it: the manifest names this table and version, lists
/// the lookup file, and every listed file has its recorded size and SHA-256.
extension ExportFolder {
    /// Checks `version` and returns its manifest; throws ``LookupError/Code/broken`` naming the first
    /// problem (a missing or changed file, a manifest of another version).
    @discardableResult
    public func verify(version: String) throws -> ExportManifest {
        let folder = try existingFolder(of: version)
        let manifest = try self.manifest(of: version)
        guard manifest.table == table, manifest.version == version else {
            throw broken(version, "its \(ExportManifest.fileName) describes \(manifest.table) \(manifest.version)")
        }
        guard manifest.file(named: Self.lookupFileName) != nil else {
            throw broken(version, "its \(ExportManifest.fileName) does not list \(Self.lookupFileName)")
        }
        for file in manifest.files {
            guard !file.name.contains("/"), !file.name.hasPrefix(".") else {
                throw broken(version, "its \(ExportManifest.fileName) lists the file name '\(file.name)'")
            }
            let path = folder + "/" + file.name
            guard FileSystem.exists(path) else { throw broken(version, "\(file.name) is missing") }
            let actual = try ExportManifest.File(describing: path)
            guard actual.bytes == file.bytes else {
                throw broken(version, "\(file.name) has \(actual.bytes) bytes, its manifest says \(file.bytes)")
            }
            guard actual.sha256 == file.sha256 else {
                throw broken(version, "\(file.name) has sha256 \(actual.sha256.prefix(12))…, its manifest says \(file.sha256.prefix(12))…")
            }
        }
        return manifest
    }

    /// Verifies `version` and opens its lookup file read-only, checking that the file describes the
    /// same table and version: everything a server needs before serving it.
    public func load(version: String) throws -> LoadedVersion {
        let manifest = try verify(version: version)
        let folder = try self.folder(of: version)
        let lookup: LookupTable
        do {
            lookup = try LookupTable(path: folder + "/" + Self.lookupFileName)
        } catch let error as LookupError {
            throw broken(version, error.message)
        }
        guard lookup.meta.table == table, lookup.meta.version == version else {
            throw broken(version, "its lookup file holds \(lookup.meta.table) \(lookup.meta.version)")
        }
        return LoadedVersion(manifest: manifest, lookup: lookup, folder: folder)
    }

    /// Loads the version named by `CURRENT`; throws ``LookupError/Code/notFound`` when nothing is
    /// published.
    public func loadCurrent() throws -> LoadedVersion {
        guard let version = try current() else {
            throw LookupError(.notFound, "table \(table) has no CURRENT version in '\(path)'; run the pipeline's export stage first")
        }
        return try load(version: version)
    }

    private func broken(_ version: String, _ reason: String) -> LookupError {
        LookupError(.broken, "version \(version) of table \(table) is broken: \(reason); export it again or publish another version")
    }
}
