import Columnar
import Foundation
import PipelineCore
@testable import Stages

/// A temp workspace for the baselines and evaluate stage tests: hand-built shards, a hand-built
/// ``StageContext``, and reading back what a stage wrote. Removed on deinit.
final class BaselinesFixture {
    /// One `events` row.
    struct Event {
        var user: Int64
        var ts: Int64
        var type: String
        var query: String? = nil
        var item: Int64? = nil
    }

    let root: String

    init(_ label: String) {
        root = FileManager.default.temporaryDirectory.path + "/aigq-stages-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The epoch millisecond of `day` at `hh:mm:ss`.
    static func at(_ day: String, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Int64 {
        Day.startMillis(day) + Int64(((hour * 60) + minute) * 60 + second) * 1000
    }

    /// The partition folder of `dataset` on `day`.
    func partition(_ dataset: String, _ day: String) -> String { "\(root)/data/\(dataset)/dt=\(day)" }

    /// Writes `events` of `day` as user-keyed shards (`buckets` buckets); returns the files.
    @discardableResult
    func writeEvents(_ day: String, _ events: [Event], buckets: Int = 2) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.events)
        for e in events {
            b["user"].append(int64: e.user)
            b["ts"].append(int64: e.ts)
            b["type"].append(string: e.type)
            b["query"].append(optionalString: e.query)
            b["item"].append(optionalInt64: e.item)
            b["exposure"].append(optionalString: e.type == "hint_click" ? "x1" : nil)
            b["shown"].appendNull()
            b["candidates"].appendNull()
            b["scores"].appendNull()
            b["source"].appendNull()
            b["price"].appendNull()
        }
        try DatasetFiles.writeUserKeyed(try b.build(), into: partition("events", day), buckets: buckets, sortBy: ["user", "ts"])
        return files(under: partition("events", day))
    }

    /// Writes `behaviors` of `day`: per user, the history trigger keys, oldest first.
    @discardableResult
    func writeBehaviors(_ day: String, _ rows: [(user: Int64, keys: [String])]) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.behaviors)
        for row in rows {
            b["user"].append(int64: row.user)
            b["ts"].append(int64: Day.startMillis(Day.adding(1, to: day)))
            b["gender"].append(string: "u")
            b["age"].appendNull()
            b["city_tier"].appendNull()
            b["h_kind"].append(strings: row.keys.map { $0.hasPrefix("item:") ? "click" : "search" })
            b["h_text"].append(strings: row.keys.map { String($0.drop { $0 != ":" }.dropFirst()) })
            b["h_key"].append(strings: row.keys)
            b["h_ts"].append(int64s: row.keys.indices.map { Day.startMillis(day) + Int64($0) * 1000 })
            b["h_category"].append(int64s: row.keys.map { _ in -1 })
        }
        try DatasetFiles.writeUserKeyed(try b.build(), into: partition("behaviors", day), buckets: 2, sortBy: ["user", "ts"])
        return files(under: partition("behaviors", day))
    }

    /// Writes the `queries` dims of `day`: (query, leaf category).
    @discardableResult
    func writeQueries(_ day: String, _ rows: [(query: String, category: Int64?)]) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.queries)
        for row in rows {
            b["query"].append(string: row.query)
            b["category"].append(optionalInt64: row.category)
            b["in_dictionary"].append(bool: row.category != nil)
            b["searches"].append(int64: 1)
            b["hint_clicks"].append(int64: 0)
            b["candidate_count"].append(int64: 0)
        }
        let path = partition("queries", day) + "/part-00000.parquet"
        try DatasetFiles.write(try b.build(), to: path)
        return [path]
    }

    /// Writes a `u2q_<method>` table of `day`: per user, the ranked queries.
    @discardableResult
    func writeU2Q(_ dataset: String, _ day: String, _ lists: [(user: Int64, queries: [String])]) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.u2q)
        for list in lists {
            for (i, q) in list.queries.enumerated() {
                b["user"].append(int64: list.user)
                b["rank"].append(int32: Int32(i + 1))
                b["query"].append(string: q)
                b["score"].append(double: Double(list.queries.count - i))
            }
        }
        let path = partition(dataset, day) + "/part-00000.parquet"
        try DatasetFiles.write(try b.build(), to: path)
        return [path]
    }

    /// Writes `text` to `relative` under the workspace; returns its path.
    @discardableResult
    func writeText(_ relative: String, _ text: String) throws -> String {
        let path = root + "/" + relative
        try DatasetFiles.write(text: text, to: path)
        return path
    }

    /// The files under `folder`, sorted, absolute.
    func files(under folder: String) -> [String] {
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        return names.sorted().map { folder + "/" + $0 }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// A context for a `kind` task of `day` reading `inputs` (dataset → files), writing `outputs`
    /// into fresh folders under `out/<run>/`, with `params` over the kind's defaults.
    func context(
        _ kind: StageKindInfo, day: String, inputs: [String: [String]], outputs: [String],
        params: [String: ParamValue] = [:], threads: Int = 1, run: String = "1"
    ) throws -> StageContext {
        var resolved: [String: ParamValue] = [:]
        for spec in kind.params { resolved[spec.name] = spec.defaultValue }
        for (name, value) in params { resolved[name] = value }
        let location = SourceLocation(file: "test.yaml", line: 1, column: 1)
        let spec = StageSpec(
            name: kind.name, kind: kind.name, codeVersion: kind.codeVersion, inputs: inputs.keys.sorted(), outputs: outputs,
            params: resolved, per: .day, locations: StageSpec.Locations(stage: location, kind: location))
        var folders: [String: String] = [:]
        for name in outputs {
            folders[name] = "\(root)/out/\(run)/\(name)"
            try DatasetFiles.makeFolder(folders[name]!)
        }
        return StageContext(
            task: TaskKey(stage: kind.name, day: day), spec: spec, workspace: root, inputFolders: [:], inputFiles: inputs,
            outputFolders: folders, threads: threads, logPath: "\(root)/out/\(run)/task.log")
    }

    /// The `u2q` rows of the file in `folder` as (user, [query]) in file order; empty when there is none.
    func u2q(_ folder: String) throws -> [(user: Int64, queries: [String], scores: [Double])] {
        let batch = try DatasetFiles.readAll(files(under: folder), schema: DatasetSchemas.u2q)
        let users = try batch.int64s("user")
        let ranks = try batch.int32s("rank")
        let queries = try batch.strings("query")
        let scores = try batch.doubles("score")
        var out: [(user: Int64, queries: [String], scores: [Double])] = []
        for row in 0..<batch.rowCount {
            if out.last?.user != users[row] { out.append((users[row], [], [])) }
            precondition(Int(ranks[row]) == out[out.count - 1].queries.count + 1, "ranks must count from 1")
            out[out.count - 1].queries.append(queries.string(at: row))
            out[out.count - 1].scores.append(scores[row])
        }
        return out
    }

    /// The bytes of every file under `folder`, by relative path.
    func contents(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for file in files(under: folder) { out[String(file.dropFirst(folder.count))] = FileManager.default.contents(atPath: file) }
        return out
    }
}
