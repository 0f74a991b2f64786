import Foundation
import LookupFormat
import Logging
import Serving
import Synchronization

/// A temp workspace whose exports hold table versions written through LookupFormat, as the export
/// stage writes them (staging folder, manifest with checksums, commit, CURRENT, HISTORY).
final class ExportsFixture: Sendable {
    let root: String
    var workspace: String { root + "/ws" }
    var exports: String { workspace + "/exports" }

    init() {
        root = FileManager.default.temporaryDirectory.path + "/aigq-serving-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root + "/ws/exports", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes and commits a version of `table` for `day` holding `lists` (key, queries best first;
    /// keys in any order); switches CURRENT to it when `publish`. Returns the version name.
    @discardableResult
    func version(_ table: String, day: String = "2026-11-23", _ lists: [(String, [String])], publish: Bool = true) throws -> String {
        let folder = try ExportFolder(exports: exports, table: table)
        let staging = try folder.makeStaging(label: day)
        let sorted = lists.sorted { LookupTableWriter.precedes($0.0, $1.0) }
        let text = sorted.map { "\($0.0)\t\($0.1.joined(separator: "|"))" }.joined(separator: "\n")
        try Data("\(table) \(day)\n\(text)".utf8).write(to: URL(fileURLWithPath: staging + "/table.parquet"))
        let tableFile = try ExportManifest.File(describing: staging + "/table.parquet")
        let version = VersionName(day: day, sha256Hex: tableFile.sha256).description
        let writer = try LookupTableWriter(path: staging + "/lookup.sqlite", table: table, version: version, sourceDay: day)
        for (key, queries) in sorted {
            try writer.append(key: key, entries: queries.enumerated().map { LookupEntry(query: $1, score: Double(queries.count - $0)) })
        }
        let meta = try writer.finish()
        try folder.commit(staging: staging, manifest: ExportManifest(
            table: table, version: version, rows: meta.rows, keys: meta.keys, rowsPerKey: 10,
            sourceDataset: table, sourceMethod: nil, sourceDay: day, created: ExportManifest.endOfDay(day),
            files: [tableFile, try ExportManifest.File(describing: staging + "/lookup.sqlite")]))
        if publish { _ = try folder.switchCurrent(to: version, action: .export) }
        return version
    }

    /// `aigq publish --version`: verified, then CURRENT.
    func publish(_ table: String, _ version: String) throws {
        _ = try ExportFolder(exports: exports, table: table).publish(version: version)
    }

    /// `aigq publish --rollback`; returns the version now CURRENT.
    @discardableResult
    func rollback(_ table: String) throws -> String {
        try ExportFolder(exports: exports, table: table).rollback()
    }

    /// Points CURRENT at `version` without verifying it (what a careless hand or a bug could do).
    func pointCurrent(_ table: String, to version: String) throws {
        _ = try ExportFolder(exports: exports, table: table).switchCurrent(to: version, action: .publish)
    }

    /// Flips the last byte of `file` of a version.
    func corrupt(_ table: String, _ version: String, file: String = "lookup.sqlite") throws {
        let path = "\(exports)/\(table)/\(version)/\(file)"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// A server over these exports, polling every `poll`, logging into `log`.
    func server(poll: Duration = .milliseconds(50), log: LogCapture = LogCapture(), requireU2Q: Bool = true) throws -> LookupServer {
        try LookupServer(
            configuration: ServingConfiguration(workspace: workspace, port: 0, pollInterval: poll), logger: log.logger,
            requireU2Q: requireU2Q)
    }
}

/// Collects log messages (level and text) so a test can check what the server said.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger writing into this capture.
    var logger: Logger {
        let capture = self
        var logger = Logger(label: "aigq.serve.test") { _ in Handler(capture: capture) }
        logger.logLevel = .info
        return logger
    }

    /// What was logged, as `level: message`.
    var messages: [String] { lines.withLock { $0 } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append("\(event.level): \(event.message)")
        }
    }
}
