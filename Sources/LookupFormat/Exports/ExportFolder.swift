import Foundation

/// The exported versions of one table: `<exports>/<table>/`, as the export stage writes it and as
/// `aigq publish` and the server read it.
///
/// ```
/// exports/u2q/
///   CURRENT                        the served version's name and a newline, replaced atomically
///   HISTORY                        one line per switch of CURRENT (``ExportHistoryEntry``)
///   .lock                          flock'ed while CURRENT and HISTORY change
///   2026-11-23-0123456789ab/       one folder per version (``VersionName``), never changed once renamed in
///     _MANIFEST.json               ``ExportManifest``: rows, source, sha256 of every file
///     lookup.sqlite                ``LookupTable``
///     table.parquet                the table as rows (written by the export stage)
///   .2026-11-24.tmp-<pid>-<id>/    a version being written; a leftover of a killed process is removed
/// ```
///
/// ```swift
/// let folder = try ExportFolder(exports: "Workspace/exports", table: "u2q")
/// let served = try folder.loadCurrent()        // verified checksums, opened read-only
/// let hints = try served.lookup.lookup("42")
/// ```
public struct ExportFolder: Hashable, Sendable {
    /// The name of the file naming the served version.
    public static let currentFileName = "CURRENT"
    /// The name of the switch log.
    public static let historyFileName = "HISTORY"
    /// The name of the lookup file inside a version folder.
    public static let lookupFileName = "lookup.sqlite"
    static let lockFileName = ".lock"

    /// The exports root (`<workspace>/exports`).
    public let exports: String
    /// The table name.
    public let table: String

    /// The table `table` under the exports root `exports`. Table names are lower-case letters, digits
    /// and `_`, starting with a letter, so a name never leads outside the exports folder.
    public init(exports: String, table: String) throws {
        guard Self.isValidTableName(table) else {
            throw LookupError(.invalidArgument, "'\(table)' is not a table name; use lower-case letters, digits and _ (e.g. u2q)")
        }
        self.exports = exports
        self.table = table
    }

    /// The table's folder.
    public var path: String { exports + "/" + table }

    /// The path of `CURRENT`.
    public var currentPath: String { path + "/" + Self.currentFileName }

    /// The path of `HISTORY`.
    public var historyPath: String { path + "/" + Self.historyFileName }

    /// The tables under the exports root `exports` that have a folder, sorted.
    public static func tables(in exports: String) -> [String] {
        FileSystem.names(in: exports).filter { isValidTableName($0) && FileSystem.isDirectory(exports + "/" + $0) }
    }

    /// Whether `name` is a valid table name.
    public static func isValidTableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 0x61, first <= 0x7A, name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// The served version named by `CURRENT`, or `nil` when nothing has been published yet.
    public func current() throws -> String? {
        guard let text = try rawCurrent() else { return nil }
        guard VersionName(text) != nil else {
            throw LookupError(.broken, "'\(currentPath)' holds '\(text)', not a version name; run aigq publish --table \(table) --version VERSION")
        }
        return text
    }

    /// The content of `CURRENT`, trimmed, without checks.
    func rawCurrent() throws -> String? {
        try FileSystem.readText(currentPath).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The switches of `CURRENT`, oldest first (empty when there is no `HISTORY`).
    public func history() throws -> [ExportHistoryEntry] {
        guard let text = try FileSystem.readText(historyPath) else { return [] }
        var entries: [ExportHistoryEntry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let entry = ExportHistoryEntry(line: line) else {
                throw LookupError(.broken, "'\(historyPath)' line \(index + 1) is not 'time<TAB>action<TAB>version<TAB>previous': '\(line)'; fix or remove that line")
            }
            entries.append(entry)
        }
        return entries
    }

    /// The version folders present, oldest day first.
    public func versions() -> [String] {
        FileSystem.names(in: path)
            .compactMap(VersionName.init)
            .filter { FileSystem.isDirectory(path + "/" + $0.description) }
            .sorted()
            .map(\.description)
    }

    /// The folder of `version` (which must be a version name; the folder need not exist).
    public func folder(of version: String) throws -> String {
        guard VersionName(version) != nil else {
            throw LookupError(.invalidArgument, "'\(version)' is not a version name (YYYY-MM-DD-<12 hex digits>); see aigq publish --table \(table)")
        }
        return path + "/" + version
    }

    /// The manifest of `version`, read and decoded but not checked against the files.
    public func manifest(of version: String) throws -> ExportManifest {
        let folder = try existingFolder(of: version)
        let manifestPath = folder + "/" + ExportManifest.fileName
        guard FileSystem.exists(manifestPath) else {
            throw LookupError(.broken, "version \(version) of table \(table) has no \(ExportManifest.fileName); export it again or publish another version")
        }
        return try ExportManifest(jsonData: FileSystem.readData(manifestPath), path: manifestPath)
    }

    /// The folder of `version`, which must exist.
    func existingFolder(of version: String) throws -> String {
        let folder = try folder(of: version)
        guard FileSystem.isDirectory(folder) else {
            let available = versions()
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            throw LookupError(.notFound, "table \(table) has no version \(version) (versions: \(list))")
        }
        return folder
    }
}
