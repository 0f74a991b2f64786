import Columnar
import Foundation
import PipelineCore
import Stages

/// A temporary raw folder written by hand (log-schema.md layout) and the ingest contexts that read it.
final class LogIngestFixture {
    let root: String
    let day: String

    init(day: String = "2026-03-14") {
        self.day = day
        root = FileManager.default.temporaryDirectory.path + "/aigq-ingest-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root + "/raw/dims", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: dayFolder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var dayFolder: String { root + "/raw/dt=" + day }

    /// The epoch ms of the fixture's day at `hh:mm:ss` (plus `ms`).
    func ts(_ time: String, _ ms: Int64 = 0) -> Int64 {
        let p = time.split(separator: ":").map { Int64($0)! }
        return Day.startMillis(day) + ((p[0] * 60 + p[1]) * 60 + p[2]) * 1000 + ms
    }

    /// Writes a day file of `lines` (joined by `\n`, or `\r\n`), zstd-compressed when the name ends in `.zst`.
    func writeDayFile(_ name: String, _ lines: [String], lineEnd: String = "\n") throws {
        try write(dayFolder + "/" + name, lines.joined(separator: lineEnd) + lineEnd)
    }

    /// Writes `dims/<name>`.
    func writeDims(_ name: String, _ lines: [String]) throws {
        try write(root + "/raw/dims/" + name, lines.joined(separator: "\n") + "\n")
    }

    /// Marks the day complete.
    func markSuccess() throws { try write(dayFolder + "/_SUCCESS", "") }

    private func write(_ path: String, _ text: String) throws {
        var bytes = Array(text.utf8)
        if path.hasSuffix(".zst") {
            let z = try ZstdStreamCompressor(level: 3)
            var out: [UInt8] = []
            // Feed in small pieces so the frame is written in several blocks.
            var i = 0
            while i < bytes.count {
                try z.compress(Array(bytes[i..<min(bytes.count, i + 97)]), into: &out)
                i += 97
            }
            try z.finish(into: &out)
            bytes = out
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Writes raw bytes as a day file.
    func writeDayBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: dayFolder + "/" + name))
    }

    /// Every file under `folder`, sorted.
    func files(under folder: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: folder) else { return [] }
        return e.compactMap { $0 as? String }.map { folder + "/" + $0 }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
            .sorted()
    }

    /// An ingest context for the day: `label` separates the outputs of several runs.
    func context(label: String = "run", params: [String: ParamValue] = [:], threads: Int = 1, reverseFiles: Bool = false) -> StageContext {
        var resolved: [String: ParamValue] = [:]
        for p in IngestStage.kind.params { resolved[p.name] = p.defaultValue }
        resolved.merge(params) { $1 }
        let location = SourceLocation(file: "test.yaml", line: 1, column: 1)
        let outputs = ["events", "quarantine", "users", "items", "categories", "queries"]
        let spec = StageSpec(
            name: "ingest", kind: "ingest", codeVersion: IngestStage.kind.codeVersion, inputs: ["raw"], outputs: outputs,
            params: resolved, per: .day, locations: StageSpec.Locations(stage: location, kind: location))
        var folders: [String: String] = [:]
        for output in outputs {
            let folder = root + "/out/\(label)/\(output)/.dt=\(day).tmp-1-1"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders[output] = folder
        }
        var raw = files(under: dayFolder) + files(under: root + "/raw/dims")
        if reverseFiles { raw.reverse() }
        return StageContext(
            task: TaskKey(stage: "ingest", day: day), spec: spec, workspace: root, inputFolders: ["raw": dayFolder],
            inputFiles: ["raw": raw], outputFolders: folders, threads: threads, logPath: root + "/out/\(label).log")
    }

    /// Runs the stage.
    @discardableResult
    func run(_ context: StageContext) throws -> StageResult { try IngestStage().run(context) }

    /// Everything written into output `dataset` of `context`, as `schema`.
    func read(_ context: StageContext, _ dataset: String, _ schema: Schema) throws -> RecordBatch {
        try DatasetFiles.readAll(files(under: context.outputFolders[dataset]!), schema: schema)
    }

    /// The events written, in file order (buckets in order, rows as stored).
    func events(_ context: StageContext) throws -> RecordBatch { try read(context, "events", DatasetSchemas.events) }

    /// The quarantine rows as (file, line, reason).
    func quarantine(_ context: StageContext) throws -> [(file: String, line: Int64, raw: String, reason: String)] {
        let q = try read(context, "quarantine", DatasetSchemas.quarantine)
        let files = try q.optionalStrings("file"), lines = try q.int64s("line"), raws = try q.optionalStrings("raw")
        let reasons = try q.optionalStrings("reason")
        return (0..<q.rowCount).map { (files[$0]!, lines[$0], raws[$0]!, reasons[$0]!) }
    }

    /// The bytes of every events shard, by path relative to the output folder.
    func eventShardBytes(_ context: StageContext) throws -> [String: Data] {
        let folder = context.outputFolders["events"]!
        var out: [String: Data] = [:]
        for path in files(under: folder) { out[String(path.dropFirst(folder.count))] = try Data(contentsOf: URL(fileURLWithPath: path)) }
        return out
    }

    /// The task log written so far.
    func log(_ context: StageContext) -> String { (try? String(contentsOfFile: context.logPath, encoding: .utf8)) ?? "" }
}
