import ArgumentParser
import Foundation
import LookupFormat

/// `aigq publish`: switch a table's `CURRENT` to a verified version, roll it back, or list versions.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Switch a table's CURRENT version, roll it back, or list its versions.",
        discussion: """
            The export stage of `aigq run` writes each table version to
            <workspace>/exports/<table>/<version>/ and switches CURRENT itself.
            Use this command to serve another version:
              --version V  verifies V's files against its _MANIFEST.json, then
                           switches CURRENT; a broken version is refused and
                           CURRENT stays as it was.
              --rollback   returns CURRENT to the version served before it
                           (see HISTORY); repeat it to go further back.
            Without either, it lists the versions of the table (or of every
            table) and marks CURRENT with *.
            """)

    @Option(help: "The workspace folder.")
    var workspace = "./Workspace"

    @Option(help: "The table: u2q or x2q.")
    var table: String?

    @Option(help: "Switch CURRENT to this version (YYYY-MM-DD-<12 hex digits>).")
    var version: String?

    @Flag(help: "Return CURRENT to the version served before it.")
    var rollback = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if version != nil && rollback {
            throw ValidationError("pass either --version or --rollback, not both")
        }
        if (version != nil || rollback) && table == nil {
            throw ValidationError("--version and --rollback need --table (e.g. --table u2q)")
        }
    }

    func run() throws {
        let exports = workspace + "/exports"
        if let table, version != nil || rollback {
            let folder = try Export.existingTable(table, exports: exports)
            let previous = try folder.current()
            let current: String
            let outcome: ExportFolder.SwitchOutcome
            if let version {
                outcome = try folder.publish(version: version)
                current = version
            } else {
                current = try folder.rollback()
                outcome = .switched(from: previous)
            }
            let manifest = try folder.manifest(of: current)
            try printSwitch(SwitchReport(
                table: table, action: rollback ? "rollback" : "publish", current: current, previous: previous,
                switched: outcome.switched, rows: manifest.rows, keys: manifest.keys))
            return
        }
        let tables = try table.map { [try Export.existingTable($0, exports: exports)] } ?? Export.allTables(exports: exports)
        try printListing(tables.map(listing))
    }

    /// The outcome of a switch, as printed.
    struct SwitchReport: Encodable {
        var table: String
        var action: String
        var current: String
        var previous: String?
        var switched: Bool
        var rows: Int
        var keys: Int
    }

    /// One table's versions, as printed.
    struct TableListing: Encodable {
        struct Version: Encodable {
            var version: String
            var current: Bool
            var rows: Int?
            var keys: Int?
            var sourceDataset: String?
            var error: String?

            enum CodingKeys: String, CodingKey {
                case version, current, rows, keys, error
                case sourceDataset = "source_dataset"
            }
        }

        var table: String
        var current: String?
        var versions: [Version]
    }

    private func listing(_ folder: ExportFolder) throws -> TableListing {
        let current = try folder.current()
        let versions = folder.versions().reversed().map { version in
            do {
                let manifest = try folder.manifest(of: version)
                return TableListing.Version(
                    version: version, current: version == current, rows: manifest.rows, keys: manifest.keys,
                    sourceDataset: manifest.sourceDataset)
            } catch {
                return TableListing.Version(version: version, current: version == current, error: "\(error)")
            }
        }
        return TableListing(table: folder.table, current: current, versions: versions)
    }

    private func printSwitch(_ report: SwitchReport) throws {
        if json {
            print(try Export.jsonText(report))
        } else if report.switched {
            print("\(report.table): CURRENT is now \(report.current) (was \(report.previous ?? "nothing")); \(report.rows) rows, \(report.keys) keys")
        } else {
            print("\(report.table): CURRENT already is \(report.current); nothing changed")
        }
    }

    private func printListing(_ tables: [TableListing]) throws {
        if json {
            print(try Export.jsonText(["tables": tables]))
            return
        }
        for table in tables {
            print("\(table.table)  CURRENT \(table.current ?? "none")")
            for v in table.versions {
                let mark = v.current ? "*" : " "
                if let error = v.error {
                    print("  \(mark) \(v.version)  unreadable: \(error)")
                } else {
                    print("  \(mark) \(v.version)  \(v.rows ?? 0) rows  \(v.keys ?? 0) keys  from \(v.sourceDataset ?? "?")")
                }
            }
        }
    }
}
