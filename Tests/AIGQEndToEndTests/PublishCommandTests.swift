import Foundation
import LookupFormat
import Testing

/// `aigq publish` and `aigq export` run as a user runs them, on a temp workspace holding exported
/// versions made through LookupFormat (as the export stage makes them).
@Suite struct PublishCommandTests {
    /// A workspace with versions of u2q for three days, exported in order (the last one CURRENT).
    final class Workspace {
        let dir = TemporaryDirectory("publish")
        var path: String { dir.path + "/ws" }
        var exports: String { path + "/exports" }
        var versions: [String] = []

        init(days: [String] = ["2026-11-21", "2026-11-22", "2026-11-23"]) throws {
            let folder = try ExportFolder(exports: exports, table: "u2q")
            for day in days {
                let staging = try folder.makeStaging(label: day)
                try Data("table of \(day)".utf8).write(to: URL(fileURLWithPath: staging + "/table.parquet"))
                let tableFile = try ExportManifest.File(describing: staging + "/table.parquet")
                let version = VersionName(day: day, sha256Hex: tableFile.sha256).description
                let writer = try LookupTableWriter(path: staging + "/lookup.sqlite", table: "u2q", version: version, sourceDay: day)
                try writer.append(key: "*", entries: [LookupEntry(query: "帐篷", score: 2)])
                try writer.append(key: "7", entries: [LookupEntry(query: "rain boots \(day)", score: 1), LookupEntry(query: "tent", score: 0.5)])
                let meta = try writer.finish()
                try folder.commit(staging: staging, manifest: ExportManifest(
                    table: "u2q", version: version, rows: meta.rows, keys: meta.keys, rowsPerKey: 10,
                    sourceDataset: "u2q_cooccurrence", sourceMethod: "cooccurrence", sourceDay: day,
                    created: ExportManifest.endOfDay(day),
                    files: [tableFile, try ExportManifest.File(describing: staging + "/lookup.sqlite")]))
                _ = try folder.switchCurrent(to: version, action: .export, unlessLaterDay: true)
                versions.append(version)
            }
        }

        var current: String? { try? String(contentsOfFile: exports + "/u2q/CURRENT", encoding: .utf8) }
        var historyLines: Int {
            ((try? String(contentsOfFile: exports + "/u2q/HISTORY", encoding: .utf8)) ?? "").split(separator: "\n").count
        }
    }

    @Test func listsVersionsNewestFirstAndMarksCurrent() throws {
        let ws = try Workspace()
        let v = ws.versions
        let result = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            u2q  CURRENT \(v[2])
              * \(v[2])  3 rows  2 keys  from u2q_cooccurrence
                \(v[1])  3 rows  2 keys  from u2q_cooccurrence
                \(v[0])  3 rows  2 keys  from u2q_cooccurrence

            """)
        let json = try AIGQBinary.run(["publish", "--workspace", ws.path, "--json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\"tables\":[{\"current\":\"\(v[2])\",\"table\":\"u2q\",\"versions\":[{\"current\":true,\"keys\":2,\"rows\":3,\"source_dataset\":\"u2q_cooccurrence\",\"version\":\"\(v[2])\"}"))
    }

    @Test func versionSwitchesCurrentAndRollbackReturns() throws {
        let ws = try Workspace()
        let v = ws.versions
        let publish = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--version", v[0]])
        #expect(publish.status == 0, "\(publish.stderr)")
        #expect(publish.stdout == "u2q: CURRENT is now \(v[0]) (was \(v[2])); 3 rows, 2 keys\n")
        #expect(ws.current == v[0] + "\n")

        let again = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--version", v[0]])
        #expect(again.stdout == "u2q: CURRENT already is \(v[0]); nothing changed\n")

        let rollback = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--rollback", "--json"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout == "{\"action\":\"rollback\",\"current\":\"\(v[2])\",\"keys\":2,\"previous\":\"\(v[0])\",\"rows\":3,\"switched\":true,\"table\":\"u2q\"}\n")
        #expect(ws.current == v[2] + "\n")

        let back = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--rollback"])
        #expect(back.stdout == "u2q: CURRENT is now \(v[1]) (was \(v[2])); 3 rows, 2 keys\n")
        #expect(ws.historyLines == 6)
    }

    @Test func brokenVersionIsRefusedAndCurrentUnchanged() throws {
        let ws = try Workspace()
        let v = ws.versions
        let lookup = "\(ws.exports)/u2q/\(v[0])/lookup.sqlite"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: lookup))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: lookup))
        let result = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--version", v[0]])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: cannot publish table u2q: version \(v[0]) of table u2q is broken: lookup.sqlite has sha256 "))
        #expect(result.stderr.hasSuffix("; export it again or publish another version; CURRENT still names \(v[2])\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(ws.current == v[2] + "\n")
        #expect(ws.historyLines == 3)
    }

    @Test func errorsAreOneSentence() throws {
        let ws = try Workspace()
        let unknown = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--version", "2020-01-01-000000000000"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "Error: cannot publish table u2q: table u2q has no version 2020-01-01-000000000000 (versions: \(ws.versions.joined(separator: ", "))); CURRENT still names \(ws.versions[2])\n")
        let badName = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--version", "latest"])
        #expect(badName.stderr == "Error: cannot publish table u2q: 'latest' is not a version name (YYYY-MM-DD-<12 hex digits>); see aigq publish --table u2q; CURRENT still names \(ws.versions[2])\n")
        let noTable = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "x2q", "--rollback"])
        #expect(noTable.status == 1)
        #expect(noTable.stderr == "Error: no table 'x2q' under '\(ws.exports)' (tables: u2q); run `aigq run` or pass --workspace\n")
        let both = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--rollback", "--version", ws.versions[0]])
        #expect(both.status != 0)
        #expect(both.stderr.hasPrefix("Error: pass either --version or --rollback, not both\n"))
        let empty = TemporaryDirectory("publish-empty")
        let nothing = try AIGQBinary.run(["export", "--workspace", empty.path])
        #expect(nothing.status == 1)
        #expect(nothing.stderr == "Error: no exported tables under '\(empty.path)/exports'; run `aigq run` (its export stage writes them) or pass --workspace\n")
    }

    @Test func rollbackPastTheFirstVersionIsRefused() throws {
        let ws = try Workspace(days: ["2026-11-21"])
        let result = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--rollback"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: table u2q has no version before \(ws.versions[0]) in HISTORY; choose one with --version\n")
    }

    @Test func exportShowsCurrentTablesAndFlagsABrokenOne() throws {
        let ws = try Workspace()
        let v = ws.versions[2]
        let result = try AIGQBinary.run(["export", "--workspace", ws.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            u2q  CURRENT \(v)  (3 versions)
              3 rows, 2 keys, from u2q_cooccurrence of 2026-11-23
              lookup  \(ws.exports)/u2q/\(v)/lookup.sqlite
              status  ok

            """)
        let json = try AIGQBinary.run(["export", "--workspace", ws.path, "--json"])
        #expect(json.stdout == "{\"tables\":[{\"current\":\"\(v)\",\"folder\":\"\(ws.exports)/u2q/\(v)\",\"keys\":2,\"lookup\":\"\(ws.exports)/u2q/\(v)/lookup.sqlite\",\"rows\":3,\"source_dataset\":\"u2q_cooccurrence\",\"source_day\":\"2026-11-23\",\"status\":\"ok\",\"table\":\"u2q\",\"versions\":3}]}\n")

        try FileManager.default.removeItem(atPath: "\(ws.exports)/u2q/\(v)/table.parquet")
        let broken = try AIGQBinary.run(["export", "--workspace", ws.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("  status  version \(v) of table u2q is broken: table.parquet is missing"))
        #expect(broken.stderr == "Error: u2q: version \(v) of table u2q is broken: table.parquet is missing; export it again or publish another version\n")
    }
}
