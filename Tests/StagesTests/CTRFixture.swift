import Columnar
import Foundation
import PipelineCore
import Stages
import SyntheticLogs

/// A temp workspace of generated logs (`aigq gen`'s generator) ingested day by day, and the `ctr`
/// contexts that read it. Removed on deinit.
final class CTRFixture {
    let root: String
    /// The generated days, in order.
    let days: [String]

    /// `users` users over `days` days.
    init(users: Int = 500, days: Int = 3, seed: UInt64 = 5) throws {
        root = FileManager.default.temporaryDirectory.path + "/aigq-ctr-\(UUID().uuidString)"
        var options = GeneratorOptions()
        options.users = users
        options.days = days
        options.seed = seed
        options.filesPerDay = 1
        options.rawFolder = root + "/raw"
        options.truthFolder = nil
        self.days = try LogGenerator.write(options).days
        let dims = Self.files(under: root + "/raw/dims")
        for day in self.days {
            let outputs = ["events", "quarantine", "users", "items", "categories", "queries"]
            var folders: [String: String] = [:]
            for name in outputs { folders[name] = partition(name, day) }
            let context = Self.context(
                IngestStage.kind, day: day, root: root, inputs: ["raw": Self.files(under: root + "/raw/dt=" + day) + dims],
                outputFolders: folders, params: [:], threads: 2)
            _ = try IngestStage().run(context)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The folder of `dataset`'s partition of `day`.
    func partition(_ dataset: String, _ day: String) -> String { root + "/data/\(dataset)/dt=\(day)" }

    /// A `ctr` context for `day` reading the window of `window` days ending on it, writing into
    /// `out/<run>/model_ctr`.
    func ctrContext(day: String, window: Int = 8, params: [String: ParamValue] = [:], threads: Int = 1, run: String = "1") -> StageContext {
        let index = days.firstIndex(of: day)!
        let windowDays = days[max(0, index - window + 1)...index]
        let events = windowDays.flatMap { Self.files(under: partition("events", $0)) }
        return Self.context(
            CTRStage.kind, day: day, root: root,
            inputs: [
                "events": events, "queries": Self.files(under: partition("queries", day)),
                "items": Self.files(under: partition("items", day)), "categories": Self.files(under: partition("categories", day)),
            ],
            outputFolders: ["model_ctr": root + "/out/\(run)/model_ctr"], params: params, threads: threads)
    }

    /// A context of `kind` with the kind's default params overridden by `params`.
    static func context(
        _ kind: StageKindInfo, day: String, root: String, inputs: [String: [String]], outputFolders: [String: String],
        params: [String: ParamValue], threads: Int
    ) -> StageContext {
        var resolved: [String: ParamValue] = [:]
        for spec in kind.params { resolved[spec.name] = spec.defaultValue }
        for (name, value) in params { resolved[name] = value }
        let location = SourceLocation(file: "test.yaml", line: 1, column: 1)
        let spec = StageSpec(
            name: kind.name, kind: kind.name, codeVersion: kind.codeVersion, inputs: inputs.keys.sorted(),
            outputs: outputFolders.keys.sorted(), params: resolved, per: .day, locations: StageSpec.Locations(stage: location, kind: location))
        for folder in outputFolders.values { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        return StageContext(
            task: TaskKey(stage: kind.name, day: day), spec: spec, workspace: root, inputFolders: [:], inputFiles: inputs,
            outputFolders: outputFolders, threads: threads, logPath: root + "/task.log")
    }

    /// The files under `folder`, sorted, absolute (hidden files and `_SUCCESS` included).
    static func files(under folder: String) -> [String] {
        let names = (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
        return names.map { folder + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// The parsed `report.json` of a run.
    func report(_ context: StageContext) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: context.outputFolders["model_ctr"]! + "/report.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
