import Foundation
public import LookupFormat

/// Reads a table's `CURRENT` and loads the version it names into memory, after the checks of
/// ``LookupFormat/ExportFolder/load(version:)`` (the manifest's sizes and SHA-256 of every file,
/// the lookup file's own table and version) and the exports folder's containment rule
/// (``ExportsRoot``). Blocking file I/O: call it off the request path.
public struct TableLoader: Sendable {
    /// The exports folder.
    public let root: ExportsRoot

    /// A loader reading under `root`.
    public init(root: ExportsRoot) {
        self.root = root
    }

    /// What `kind`'s `CURRENT` names now; `nil` when the table has no `CURRENT`.
    public func observe(_ kind: ServedTableKind) throws -> CurrentObservation? {
        let folder = try exportFolder(kind)
        guard FileManager.default.fileExists(atPath: folder.currentPath) else { return nil }
        try root.requireInside(folder.currentPath)
        let text: String
        do {
            text = try String(contentsOfFile: folder.currentPath, encoding: .utf8)
        } catch {
            throw ServingError(.notServable, "cannot read '\(folder.currentPath)': \(error.localizedDescription)")
        }
        let version = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let identity = VersionName(version) == nil ? nil : ExportsRoot.identity(of: folder.path + "/" + version)
        return CurrentObservation(version: version, folder: identity)
    }

    /// Loads the version `observation` names; throws ``ServingError/Code/notServable`` with the
    /// reason (a broken or missing version, a file outside the exports folder).
    public func load(_ kind: ServedTableKind, at observation: CurrentObservation) throws -> ServedTable {
        let folder = try exportFolder(kind)
        let version = observation.version
        guard VersionName(version) != nil else {
            throw ServingError(.notServable, "'\(folder.currentPath)' holds '\(version)', not a version name; run aigq publish --table \(kind.rawValue) --version VERSION")
        }
        let versionFolder = folder.path + "/" + version
        try root.requireInside(versionFolder, mustExist: false)
        try root.requireInside(versionFolder + "/" + ExportManifest.fileName, mustExist: false)
        do {
            for file in try folder.manifest(of: version).files {
                try root.requireInside(versionFolder + "/" + file.name, mustExist: false)
            }
            let loaded = try folder.load(version: version)
            var lists: [(key: String, entries: [LookupEntry])] = []
            lists.reserveCapacity(loaded.lookup.keys)
            try loaded.lookup.forEach { key, entries in lists.append((key, entries)) }
            return ServedTable(
                kind: kind, version: version, sourceDay: loaded.manifest.sourceDay, observation: observation, lists: lists)
        } catch let error as LookupError {
            throw ServingError(.notServable, error.message)
        }
    }

    private func exportFolder(_ kind: ServedTableKind) throws -> ExportFolder {
        do {
            return try ExportFolder(exports: root.path, table: kind.rawValue)
        } catch let error as LookupError {
            throw ServingError(.invalidArgument, error.message)
        }
    }
}
