import Columnar
import Foundation
import LookupFormat
import PipelineCore
import Stages

/// A temp workspace with hand-built u2q/x2q partitions, and export-stage contexts over it.
final class ExportStageFixture {
    let root: String
    var workspace: String { root + "/ws" }
    var exports: String { workspace + "/exports" }

    init() {
        root = FileManager.default.temporaryDirectory.path + "/aigq-export-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root + "/ws", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes `rows` (user, rank, query, score) as `data/<dataset>/dt=<day>/part-00000.parquet`.
    func writeU2Q(_ dataset: String, day: String, _ rows: [(Int64, Int32, String, Double)]) throws {
        try write(dataset, day: day, schema: DatasetSchemas.u2q, rows.map { (.user($0.0), $0.1, $0.2, $0.3) })
    }

    /// Writes `rows` (trigger, rank, query, score) as `data/<dataset>/dt=<day>/part-00000.parquet`.
    func writeX2Q(_ dataset: String, day: String, _ rows: [(String, Int32, String, Double)]) throws {
        try write(dataset, day: day, schema: DatasetSchemas.x2q, rows.map { (.trigger($0.0), $0.1, $0.2, $0.3) })
    }

    private enum Key { case user(Int64), trigger(String) }

    private func write(_ dataset: String, day: String, schema: Schema, _ rows: [(Key, Int32, String, Double)]) throws {
        var batch = BatchBuilder(schema)
        for (key, rank, query, score) in rows {
            switch key {
            case .user(let user): batch["user"].append(int64: user)
            case .trigger(let trigger): batch["trigger"].append(string: trigger)
            }
            batch["rank"].append(int32: rank)
            batch["query"].append(string: query)
            batch["score"].append(double: score)
        }
        try DatasetFiles.write(batch.build(), to: "\(workspace)/data/\(dataset)/dt=\(day)/part-00000.parquet")
    }

    /// The export task of `day` reading `inputs` (the day's files of each, as the runner gives them),
    /// with a fresh receipt folder; `params` override the kind's defaults.
    func context(
        day: String, inputs: [String] = ["u2q_popularity", "u2q_user_history", "u2q_cooccurrence"],
        params: [String: ParamValue] = [:]
    ) throws -> StageContext {
        var resolved: [String: ParamValue] = [:]
        for spec in ExportStage.kind.params { resolved[spec.name] = spec.defaultValue }
        resolved["u2q_method"] = .string("cooccurrence")  // the fixture's tables are baselines
        resolved.merge(params) { _, new in new }
        let here = SourceLocation(file: "test.yaml", line: 1, column: 1)
        let spec = StageSpec(
            name: "export", kind: "export", codeVersion: ExportStage.kind.codeVersion, inputs: inputs,
            outputs: ["export_receipts"], params: resolved, per: .day, locations: .init(stage: here, kind: here))
        var folders: [String: String] = [:]
        var files: [String: [String]] = [:]
        for dataset in inputs {
            let folder = "\(workspace)/data/\(dataset)/dt=\(day)"
            folders[dataset] = folder
            files[dataset] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
        }
        let receipts = "\(root)/receipts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: receipts, withIntermediateDirectories: true)
        return StageContext(
            task: spec.taskKey(day: day, shard: nil), spec: spec, workspace: workspace, inputFolders: folders,
            inputFiles: files, outputFolders: ["export_receipts": receipts], threads: 1, logPath: root + "/export.log")
    }

    /// Runs the stage on `context` and returns the receipt it wrote.
    @discardableResult
    func run(_ context: StageContext) throws -> ExportReceipt {
        _ = try ExportStage().run(context)
        let data = try Data(contentsOf: URL(fileURLWithPath: context.outputFolders["export_receipts"]! + "/receipt.json"))
        return try JSONDecoder().decode(ExportReceipt.self, from: data)
    }

    /// The export folder of `table`.
    func folder(_ table: String = "u2q") throws -> ExportFolder { try ExportFolder(exports: exports, table: table) }

    /// The names in the table folder, sorted.
    func listing(_ table: String = "u2q") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: exports + "/" + table)) ?? []).sorted()
    }

    /// The standard three baselines for `day`: each method's lists differ, so the source is visible.
    func writeBaselines(day: String) throws {
        try writeU2Q("u2q_popularity", day: day, [(-1, 1, "rain boots", 90), (-1, 2, "tent", 80)])
        try writeU2Q("u2q_user_history", day: day, [(7, 1, "history 7", 1)])
        try writeU2Q("u2q_cooccurrence", day: day, [
            (7, 2, "登山鞋", 5), (7, 1, "帐篷", 9), (7, 3, "睡袋", 4), (7, 4, "帐篷", 3), (7, 5, "", 2),
            (12, 1, "rain boots", 7), (-1, 1, "rain boots", 90), (-1, 2, "tent", 80),
        ])
    }
}
