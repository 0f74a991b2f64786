import Foundation
import Testing
@testable import LookupFormat

/// Version folders: commit, verify, CURRENT switches, HISTORY, rollback, leftovers.
@Suite struct ExportFolderTests {
    /// Writes version `<day>-<hash of content>` of `folder` holding one list, and commits it.
    @discardableResult
    static func makeVersion(
        _ folder: ExportFolder, day: String, content: String, outcome: ExportFolder.CommitOutcome = .created
    ) throws -> String {
        let staging = try folder.makeStaging(label: day)
        let data = Data(content.utf8)
        try data.write(to: URL(fileURLWithPath: staging + "/table.parquet"))
        let version = VersionName(day: day, sha256Hex: try ExportManifest.File(describing: staging + "/table.parquet").sha256).description
        let writer = try LookupTableWriter(path: staging + "/lookup.sqlite", table: folder.table, version: version, sourceDay: day)
        try writer.append(key: "1", entries: [LookupEntry(query: content, score: 1)])
        let meta = try writer.finish()
        let manifest = ExportManifest(
            table: folder.table, version: version, rows: meta.rows, keys: meta.keys, rowsPerKey: 10,
            sourceDataset: "u2q_cooccurrence", sourceMethod: "cooccurrence", sourceDay: day,
            created: ExportManifest.endOfDay(day),
            files: [try .init(describing: staging + "/table.parquet"), try .init(describing: staging + "/lookup.sqlite")])
        #expect(try folder.commit(staging: staging, manifest: manifest) == outcome)
        return version
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func commitCreatesAVerifiedVersionFolder() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let version = try Self.makeVersion(folder, day: "2026-11-23", content: "tent")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".lock", version])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/" + version).sorted()
            == ["_MANIFEST.json", "lookup.sqlite", "table.parquet"])
        let manifest = try folder.verify(version: version)
        #expect(manifest.created == "2026-11-23T23:59:59Z")
        let loaded = try folder.load(version: version)
        #expect(try loaded.lookup.lookup("1") == [LookupEntry(query: "tent", score: 1)])
        #expect(folder.versions() == [version])
        #expect(ExportFolder.tables(in: dir.path) == ["u2q"])
    }

    @Test func committingTheSameVersionAgainReusesIt() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let first = try Self.makeVersion(folder, day: "2026-11-23", content: "tent")
        let manifest = try bytes(folder.path + "/" + first + "/_MANIFEST.json")
        let second = try Self.makeVersion(folder, day: "2026-11-23", content: "tent", outcome: .reused)
        #expect(first == second)
        #expect(try bytes(folder.path + "/" + first + "/_MANIFEST.json") == manifest)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".lock", first])
    }

    @Test func committingOverABrokenVersionReplacesIt() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let version = try Self.makeVersion(folder, day: "2026-11-23", content: "tent")
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + version + "/lookup.sqlite"))
        #expect(throws: LookupError.self) { try folder.verify(version: version) }
        try Self.makeVersion(folder, day: "2026-11-23", content: "tent", outcome: .replaced)
        try folder.verify(version: version)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".lock", version])
    }

    @Test(arguments: ["lookup.sqlite", "table.parquet"])
    func verifyNamesAChangedFile(_ name: String) throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let version = try Self.makeVersion(folder, day: "2026-11-23", content: "tent")
        let path = folder.path + "/" + version + "/" + name
        var data = try bytes(path)
        data[data.count / 2] ^= 0xFF
        try data.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: LookupError.self) { try folder.verify(version: version) }
        #expect(error?.code == .broken)
        #expect(error?.message.hasPrefix("version \(version) of table u2q is broken: \(name) has sha256 ") == true)
        #expect(error?.message.hasSuffix("; export it again or publish another version") == true)
    }

    @Test func verifyNamesAMissingFileAndAnUnknownVersion() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let version = try Self.makeVersion(folder, day: "2026-11-23", content: "tent")
        try FileManager.default.removeItem(atPath: folder.path + "/" + version + "/table.parquet")
        let missing = #expect(throws: LookupError.self) { try folder.verify(version: version) }
        #expect(missing?.message == "version \(version) of table u2q is broken: table.parquet is missing; export it again or publish another version")
        let unknown = #expect(throws: LookupError.self) { try folder.verify(version: "2026-01-01-000000000000") }
        #expect(unknown?.code == .notFound)
        #expect(unknown?.message == "table u2q has no version 2026-01-01-000000000000 (versions: \(version))")
        let bad = #expect(throws: LookupError.self) { try folder.verify(version: "../../etc") }
        #expect(bad?.code == .invalidArgument)
    }

    @Test func exportSwitchKeepsALaterDayAndLogsOnlyRealSwitches() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let d23 = try Self.makeVersion(folder, day: "2026-11-23", content: "a")
        let d24 = try Self.makeVersion(folder, day: "2026-11-24", content: "b")
        let d22 = try Self.makeVersion(folder, day: "2026-11-22", content: "c")
        #expect(try folder.current() == nil)
        #expect(try folder.switchCurrent(to: d23, action: .export, unlessLaterDay: true, now: Self.now) == .switched(from: nil))
        #expect(try folder.switchCurrent(to: d24, action: .export, unlessLaterDay: true, now: Self.now) == .switched(from: d23))
        #expect(try folder.switchCurrent(to: d24, action: .export, unlessLaterDay: true, now: Self.now) == .alreadyCurrent)
        #expect(try folder.switchCurrent(to: d22, action: .export, unlessLaterDay: true, now: Self.now) == .keptLaterVersion(d24))
        #expect(try folder.current() == d24)
        #expect(try String(contentsOfFile: folder.currentPath, encoding: .utf8) == d24 + "\n")
        #expect(try String(contentsOfFile: folder.historyPath, encoding: .utf8) == """
            2026-11-18T11:06:40Z\texport\t\(d23)\t-
            2026-11-18T11:06:40Z\texport\t\(d24)\t\(d23)

            """)
        #expect(try folder.history().map(\.version) == [d23, d24])
    }

    @Test func rollbackWalksBackThroughHistory() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let v1 = try Self.makeVersion(folder, day: "2026-11-21", content: "a")
        let v2 = try Self.makeVersion(folder, day: "2026-11-22", content: "b")
        let v3 = try Self.makeVersion(folder, day: "2026-11-23", content: "c")
        for v in [v1, v2, v3] { _ = try folder.switchCurrent(to: v, action: .export, unlessLaterDay: true, now: Self.now) }
        #expect(try folder.rollback(now: Self.now) == v2)
        #expect(try folder.rollback(now: Self.now) == v1)
        let error = #expect(throws: LookupError.self) { try folder.rollback(now: Self.now) }
        #expect(error?.message == "table u2q has no version before \(v1) in HISTORY; choose one with --version")
        #expect(try folder.current() == v1)
        #expect(try folder.publish(version: v3, now: Self.now) == .switched(from: v1))
        #expect(try folder.rollback(now: Self.now) == v1)
        #expect(try folder.history().map(\.action) == [.export, .export, .export, .rollback, .rollback, .publish, .rollback])
    }

    @Test(arguments: [true, false])
    func refusesToSwitchToABrokenVersionAndKeepsCurrent(rollback: Bool) throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let v1 = try Self.makeVersion(folder, day: "2026-11-21", content: "a")
        let v2 = try Self.makeVersion(folder, day: "2026-11-22", content: "b")
        for v in [v1, v2] { _ = try folder.switchCurrent(to: v, action: .export, now: Self.now) }
        try Data("xy".utf8).write(to: URL(fileURLWithPath: folder.path + "/" + v1 + "/table.parquet"))
        let error = #expect(throws: LookupError.self) {
            if rollback { _ = try folder.rollback(now: Self.now) } else { _ = try folder.publish(version: v1, now: Self.now) }
        }
        let refused = rollback ? "cannot roll back" : "cannot publish"
        #expect(error?.message == "\(refused) table u2q: version \(v1) of table u2q is broken: table.parquet has 2 bytes, its manifest says 1; export it again or publish another version; CURRENT still names \(v2)")
        #expect(try folder.current() == v2)
        #expect(try folder.history().count == 2)
    }

    @Test func rollbackAfterALostHistoryLineReturnsToTheLoggedTop() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        let v1 = try Self.makeVersion(folder, day: "2026-11-21", content: "a")
        let v2 = try Self.makeVersion(folder, day: "2026-11-22", content: "b")
        _ = try folder.switchCurrent(to: v1, action: .export, now: Self.now)
        try Data((v2 + "\n").utf8).write(to: URL(fileURLWithPath: folder.currentPath))  // switched, log line lost
        #expect(try folder.rollbackTarget() == v1)
    }

    @Test func removesLeftoversOfDeadProcessesOnly() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        try FileManager.default.createDirectory(atPath: folder.path + "/.2026-11-23.tmp-999999999-abcd/x", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: folder.path + "/.CURRENT.tmp-999999999-abcd"))
        let live = try folder.makeStaging(label: "2026-11-24")
        #expect(try folder.removeLeftovers() == [".2026-11-23.tmp-999999999-abcd", ".CURRENT.tmp-999999999-abcd"])
        #expect(FileManager.default.fileExists(atPath: live))
    }

    @Test func historyRefusesAMalformedLine() throws {
        let dir = TemporaryFolder()
        let folder = try ExportFolder(exports: dir.path, table: "u2q")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try Data("2026-11-18T11:06:40Z\texport\t2026-11-21-000000000000\t-\noops\n".utf8).write(to: URL(fileURLWithPath: folder.historyPath))
        let error = #expect(throws: LookupError.self) { try folder.history() }
        #expect(error?.message == "'\(folder.historyPath)' line 2 is not 'time<TAB>action<TAB>version<TAB>previous': 'oops'; fix or remove that line")
    }

    @Test(arguments: [("2026-11-23-0123456789ab", true), ("2026-11-23-0123456789AB", false), ("2026-11-23", false),
                      ("2026-11-23-0123456789abc", false), ("../2026-11-2-0123456789ab", false)])
    func versionNames(_ text: String, _ valid: Bool) {
        #expect((VersionName(text) != nil) == valid)
        if valid { #expect(VersionName(text)?.description == text) }
    }

    @Test(arguments: [("u2q", true), ("x2q", true), ("u2q_v2", true), ("", false), ("../x", false), ("U2Q", false), ("2q", false)])
    func tableNames(_ name: String, _ valid: Bool) {
        #expect(ExportFolder.isValidTableName(name) == valid)
    }

    @Test func manifestJSONIsStableAndRoundTrips() throws {
        let manifest = ExportManifest(
            table: "u2q", version: "2026-11-23-0123456789ab", rows: 3, keys: 2, rowsPerKey: 10,
            sourceDataset: "u2q_cooccurrence", sourceMethod: "cooccurrence", sourceDay: "2026-11-23",
            created: ExportManifest.endOfDay("2026-11-23"),
            files: [.init(name: "table.parquet", bytes: 10, sha256: "ab"), .init(name: "lookup.sqlite", bytes: 20, sha256: "cd")])
        let data = try manifest.jsonData()
        #expect(String(decoding: data, as: UTF8.self) == """
            {
              "created" : "2026-11-23T23:59:59Z",
              "files" : [
                {
                  "bytes" : 20,
                  "name" : "lookup.sqlite",
                  "sha256" : "cd"
                },
                {
                  "bytes" : 10,
                  "name" : "table.parquet",
                  "sha256" : "ab"
                }
              ],
              "format" : 1,
              "keys" : 2,
              "rows" : 3,
              "rows_per_key" : 10,
              "source_dataset" : "u2q_cooccurrence",
              "source_day" : "2026-11-23",
              "source_method" : "cooccurrence",
              "table" : "u2q",
              "version" : "2026-11-23-0123456789ab"
            }

            """)
        #expect(try ExportManifest(jsonData: data, path: "m") == manifest)
    }
}
