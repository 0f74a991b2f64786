import ArgumentParser
import Foundation
import LookupFormat

/// `aigq export`: what is exported for serving — each table's CURRENT version, its size, its files,
/// and whether its files still match their manifest.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the exported lookup tables: CURRENT versions, rows, paths.",
        discussion: """
            The export stage of the daily pipeline (`aigq run`) writes the
            tables, one version folder per day under <workspace>/exports/<table>/,
            and switches each table's CURRENT. This command shows what is served
            and checks CURRENT's files against their _MANIFEST.json (exit status 1
            when one is broken). Use `aigq publish` to switch versions or roll back.
            """)

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Flag(help: "Print JSON.")
    var json = false

    /// One table, as printed.
    struct TableReport: Encodable {
        var table: String
        var current: String?
        var versions: Int
        var rows: Int?
        var keys: Int?
        var sourceDataset: String?
        var sourceDay: String?
        var lookup: String?
        var folder: String?
        var status: String

        enum CodingKeys: String, CodingKey {
            case table, current, versions, rows, keys, lookup, folder, status
            case sourceDataset = "source_dataset"
            case sourceDay = "source_day"
        }
    }

    func run() throws {
        let tables = try Self.allTables(exports: workspace + "/exports")
        var problems: [String] = []
        let reports = tables.map { folder in
            let report = Self.report(folder)
            if report.status != "ok" { problems.append("\(folder.table): \(report.status)") }
            return report
        }
        if json {
            print(try Self.jsonText(["tables": reports]))
        } else {
            for r in reports {
                print("\(r.table)  CURRENT \(r.current ?? "none")  (\(r.versions) version\(r.versions == 1 ? "" : "s"))")
                if let rows = r.rows, let keys = r.keys {
                    print("  \(rows) rows, \(keys) keys, from \(r.sourceDataset ?? "?") of \(r.sourceDay ?? "?")")
                }
                if let lookup = r.lookup { print("  lookup  \(lookup)") }
                print("  status  \(r.status)")
            }
        }
        if let first = problems.first { throw LookupError(.broken, first) }
    }

    private static func report(_ folder: ExportFolder) -> TableReport {
        var report = TableReport(table: folder.table, versions: folder.versions().count, status: "ok")
        do {
            guard let current = try folder.current() else {
                report.status = "nothing published (no CURRENT)"
                return report
            }
            report.current = current
            let loaded = try folder.load(version: current)
            report.rows = loaded.manifest.rows
            report.keys = loaded.manifest.keys
            report.sourceDataset = loaded.manifest.sourceDataset
            report.sourceDay = loaded.manifest.sourceDay
            report.folder = loaded.folder
            report.lookup = loaded.lookup.path
        } catch {
            report.status = "\(error)"
        }
        return report
    }

    /// Every table under `exports`; throws when there is none.
    static func allTables(exports: String) throws -> [ExportFolder] {
        let names = ExportFolder.tables(in: exports)
        guard !names.isEmpty else {
            throw LookupError(.notFound, "no exported tables under '\(exports)'; run `aigq run` (its export stage writes them) or pass --workspace")
        }
        return try names.map { try ExportFolder(exports: exports, table: $0) }
    }

    /// The table `name` under `exports`; throws when it has no folder.
    static func existingTable(_ name: String, exports: String) throws -> ExportFolder {
        let folder = try ExportFolder(exports: exports, table: name)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            let tables = ExportFolder.tables(in: exports)
            throw LookupError(.notFound, "no table '\(name)' under '\(exports)' (tables: \(tables.isEmpty ? "none" : tables.joined(separator: ", "))); run `aigq run` or pass --workspace")
        }
        return folder
    }

    /// `value` as JSON with sorted keys.
    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
