import Foundation
public import PipelineCore
import Stages
import SyntheticLogs

/// Our side of one `aigq bench ingest` measurement, run in its own process by
/// `aigq bench ingest-worker`: the `ingest` stage on the benchmark's raw day, timed from the call
/// to its return (parsing, validation, normalisation, sorting, every output written); or making
/// that day with the `aigq gen` generator (``LogGenerator``, `--scale N --days 1`, one plain file).
public enum IngestBenchWorker {
    /// `generate`: write the input; `ingest`: time the stage.
    public enum Task: String, CaseIterable, Sendable {
        case generate, ingest
    }

    /// Runs `task` on the raw folder under `root` (output under `output`); returns the report.
    public static func run(
        task: Task, root: String, output: String?, threads: Int, events: Int?, version: String, params: [String: ParamValue] = [:]
    ) throws -> WorkerReport {
        guard threads >= 1 else { throw BenchmarkError("--threads must be at least 1 (got \(threads))") }
        let clock = ContinuousClock()
        switch task {
        case .generate:
            guard let events else { throw BenchmarkError("--task generate needs --events N") }
            let start = clock.now
            var options = GeneratorOptions()
            options.eventsPerDay = events
            options.days = 1
            options.filesPerDay = 1
            options.rawFolder = root + "/raw"
            options.truthFolder = nil
            options.replace = true
            options.threads = threads
            let report = try LogGenerator.write(options)
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: (clock.now - start).seconds,
                rows: report.events, bytes: try fileSize(try eventsFile(root: root)))
        case .ingest:
            guard let output else { throw BenchmarkError("--output is required for --task ingest: the folder to write") }
            try? FileManager.default.removeItem(atPath: output)
            let context = try makeContext(root: root, output: output, threads: threads, params: params)
            let start = clock.now
            let result = try IngestStage().run(context)
            let seconds = (clock.now - start).seconds
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: seconds,
                rows: result.rowsOut ?? 0, bytes: try folderSize(context.outputFolders["events"]!))
        }
    }

    /// The day folder (`root/raw/dt=DAY`) and its day.
    static func dayFolder(root: String) throws -> (folder: String, day: String) {
        let raw = root + "/raw"
        guard let name = try FileManager.default.contentsOfDirectory(atPath: raw).filter({ $0.hasPrefix("dt=") }).sorted().first else {
            throw BenchmarkError("'\(raw)' has no dt= folder; make the input with --task generate")
        }
        return (raw + "/" + name, String(name.dropFirst(3)))
    }

    /// The day's one event file (the input every tool reads).
    public static func eventsFile(root: String) throws -> String {
        let (folder, _) = try dayFolder(root: root)
        guard let name = try FileManager.default.contentsOfDirectory(atPath: folder).filter({ $0.hasSuffix(".jsonl") }).sorted().first else {
            throw BenchmarkError("'\(folder)' has no .jsonl file; make the input with --task generate")
        }
        return folder + "/" + name
    }

    /// The stage context a runner would give the day's ingest task (default params, then `overrides`).
    static func makeContext(root: String, output: String, threads: Int, params overrides: [String: ParamValue]) throws -> StageContext {
        let (dayFolder, day) = try dayFolder(root: root)
        let files = try (FileManager.default.contentsOfDirectory(atPath: dayFolder).map { dayFolder + "/" + $0 }
            + FileManager.default.contentsOfDirectory(atPath: root + "/raw/dims").map { root + "/raw/dims/" + $0 }).sorted()
        var params: [String: ParamValue] = [:]
        for p in IngestStage.kind.params { params[p.name] = p.defaultValue }
        params.merge(overrides) { $1 }
        let location = SourceLocation(file: "bench", line: 1, column: 1)
        let outputs = ["events", "quarantine", "users", "items", "categories", "queries"]
        let spec = StageSpec(
            name: "ingest", kind: "ingest", codeVersion: IngestStage.kind.codeVersion, inputs: ["raw"], outputs: outputs,
            params: params, per: .day, threads: threads > 1 ? .all : .one, locations: StageSpec.Locations(stage: location, kind: location))
        var folders: [String: String] = [:]
        for name in outputs {
            folders[name] = output + "/" + name
            try FileManager.default.createDirectory(atPath: output + "/" + name, withIntermediateDirectories: true)
        }
        return StageContext(
            task: TaskKey(stage: "ingest", day: day), spec: spec, workspace: root, inputFolders: ["raw": dayFolder],
            inputFiles: ["raw": files], outputFolders: folders, threads: threads, logPath: output + "/ingest.log")
    }

    /// The total size of the files under `folder`.
    static func folderSize(_ folder: String) throws -> Int {
        guard let e = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total = 0
        for case let name as String in e {
            var isDir: ObjCBool = false
            let path = folder + "/" + name
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue { total += try fileSize(path) }
        }
        return total
    }
}
