import Columnar
import Foundation
import PipelineCore
import Stages

/// One `events` row written by hand for a test.
struct TestEvent {
    var user: Int64
    var ts: Int64
    var type: String
    var query: String? = nil
    var item: Int64? = nil
    var exposure: String? = nil
    var shown: Int32? = nil
    var candidates: [String]? = nil
    var source: String? = nil
}

/// A temporary workspace holding hand-built datasets, and the stage contexts that read them.
final class SessionsFixture {
    let root: String

    init(_ label: String = "stages") {
        root = FileManager.default.temporaryDirectory.path + "/aigq-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The epoch ms of `day` at `hh:mm:ss`.
    static func at(_ day: String, _ time: String = "00:00:00") -> Int64 {
        let parts = time.split(separator: ":").map { Int64($0)! }
        return Day.startMillis(day) + ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000
    }

    /// Writes `events` of `day` as user-keyed shards (`buckets` buckets) and returns their paths.
    @discardableResult
    func writeEvents(_ events: [TestEvent], day: String, buckets: Int = 4) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.events)
        for e in events {
            b["user"].append(int64: e.user)
            b["ts"].append(int64: e.ts)
            b["type"].append(string: e.type)
            b["query"].append(optionalString: e.query)
            b["item"].append(optionalInt64: e.item)
            b["exposure"].append(optionalString: e.exposure)
            b["shown"].append(optionalInt32: e.shown)
            if let c = e.candidates { b["candidates"].append(strings: c) } else { b["candidates"].appendNull() }
            if let c = e.candidates { b["scores"].append(doubles: c.indices.map { 1 - Double($0) / 100 }) } else { b["scores"].appendNull() }
            b["source"].append(optionalString: e.source)
            b["price"].appendNull()
        }
        let folder = root + "/data/events/dt=" + day
        try DatasetFiles.writeUserKeyed(try b.build(), into: folder, buckets: buckets, sortBy: ["user", "ts"])
        return files(under: folder)
    }

    /// Writes the `users` snapshot of `day`: (user, gender, age, tier).
    func writeUsers(_ rows: [(Int64, String, Int32?, Int32?)], day: String) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.users)
        for (user, gender, age, tier) in rows {
            b["user"].append(int64: user)
            b["gender"].append(string: gender)
            b["age"].append(optionalInt32: age)
            b["city_tier"].append(optionalInt32: tier)
            b["registered"].appendNull()
        }
        return try write(b, "users", day)
    }

    /// Writes the `items` snapshot of `day`: (item, category, title).
    func writeItems(_ rows: [(Int64, Int64, String)], day: String) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.items)
        for (item, category, title) in rows {
            b["item"].append(int64: item)
            b["category"].append(int64: category)
            b["title"].append(string: title)
            b["price"].appendNull()
        }
        return try write(b, "items", day)
    }

    /// Writes the `queries` snapshot of `day`: (query, category).
    func writeQueries(_ rows: [(String, Int64?)], day: String) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.queries)
        for (query, category) in rows {
            b["query"].append(string: query)
            b["category"].append(optionalInt64: category)
            b["in_dictionary"].append(bool: category != nil)
            b["searches"].append(int64: 0)
            b["hint_clicks"].append(int64: 0)
            b["candidate_count"].append(int64: 0)
        }
        return try write(b, "queries", day)
    }

    /// Writes the `categories` snapshot of `day`: (category, parent).
    func writeCategories(_ rows: [(Int64, Int64?)], day: String) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.categories)
        let parents = Set(rows.compactMap(\.1))
        for (category, parent) in rows {
            b["category"].append(int64: category)
            b["parent"].append(optionalInt64: parent)
            b["name"].append(string: "c\(category)")
            b["leaf"].append(bool: !parents.contains(category))
            b["depth"].append(int32: parent == nil ? 0 : 1)
        }
        return try write(b, "categories", day)
    }

    /// Writes the `transitions` of `day`: (trigger, query, count).
    func writeTransitions(_ rows: [(String, String, Int64)], day: String) throws -> [String] {
        var b = BatchBuilder(DatasetSchemas.transitions)
        for (trigger, query, count) in rows {
            b["trigger"].append(string: trigger)
            b["query"].append(string: query)
            b["count"].append(int64: count)
        }
        return try write(b, "transitions", day)
    }

    private func write(_ b: BatchBuilder, _ dataset: String, _ day: String) throws -> [String] {
        let path = root + "/data/\(dataset)/dt=\(day)/part-00000.parquet"
        try DatasetFiles.write(try b.build(), to: path)
        return [path]
    }

    /// The Parquet files under `folder`, sorted.
    func files(under folder: String) -> [String] {
        let names = (FileManager.default.subpaths(atPath: folder) ?? []).filter { $0.hasSuffix(".parquet") }.sorted()
        return names.map { folder + "/" + $0 }
    }

    /// A context for a `per: day` task of `kind` with `inputs`, fresh output folders named `outputs`
    /// (under `out/<label>`), the kind's default params overridden by `params`.
    func context(
        kind: StageKindInfo, day: String, inputs: [String: [String]], outputs: [String], params: [String: ParamValue] = [:],
        threads: Int = 1, label: String = "run"
    ) -> StageContext {
        var resolved: [String: ParamValue] = [:]
        for spec in kind.params { resolved[spec.name] = spec.defaultValue }
        resolved.merge(params) { $1 }
        let location = SourceLocation(file: "test.yaml", line: 1, column: 1)
        let spec = StageSpec(
            name: kind.name, kind: kind.name, codeVersion: kind.codeVersion, inputs: Array(inputs.keys).sorted(), outputs: outputs,
            params: resolved, per: .day, locations: StageSpec.Locations(stage: location, kind: location))
        var folders: [String: String] = [:]
        for output in outputs {
            let folder = root + "/out/\(label)/\(output)/dt=\(day)"
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders[output] = folder
        }
        return StageContext(
            task: TaskKey(stage: kind.name, day: day), spec: spec, workspace: root, inputFolders: [:], inputFiles: inputs,
            outputFolders: folders, threads: threads, logPath: root + "/log.txt")
    }

    /// Everything written into the output folder `dataset` of `context`, read as `schema`.
    func read(_ context: StageContext, _ dataset: String, schema: Schema) throws -> RecordBatch {
        try DatasetFiles.readAll(files(under: context.outputFolders[dataset]!), schema: schema)
    }

    /// The bytes of every file written by `context`, by path relative to its output folders.
    func outputBytes(_ context: StageContext) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for (dataset, folder) in context.outputFolders {
            for path in files(under: folder) {
                out[dataset + String(path.dropFirst(folder.count))] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return out
    }
}

/// Rows of a session dataset as plain values, for assertions.
struct SessionRow: Equatable {
    var user: Int64
    var ts: Int64
    var lists: [String: [String]]
    var historyTs: [Int64]
    var historyCategory: [Int64]
    var gender: String
    var age: Int32?
    var tier: Int32?

    /// Every row of `batch` (a session schema); `listNames` are its `list<string>` columns to keep.
    static func all(_ batch: RecordBatch, lists listNames: [String]) throws -> [SessionRow] {
        let users = try batch.int64s("user"), ts = try batch.int64s("ts")
        let genders = try batch.strings("gender"), ages = try batch.optionalInt32s("age"), tiers = try batch.optionalInt32s("city_tier")
        let hts = try batch.int64Lists("h_ts"), hcat = try batch.int64Lists("h_category")
        let names = listNames + ["h_kind", "h_text", "h_key"]
        let lists = try names.map { try batch.stringLists($0) }
        return (0..<batch.rowCount).map { r in
            var values: [String: [String]] = [:]
            for (name, list) in zip(names, lists) {
                values[name] = (list.offsets[r]..<list.offsets[r + 1]).map { list.elements.string(at: $0) }
            }
            return SessionRow(
                user: users[r], ts: ts[r], lists: values, historyTs: Array(hts.elements[hts.offsets[r]..<hts.offsets[r + 1]]),
                historyCategory: Array(hcat.elements[hcat.offsets[r]..<hcat.offsets[r + 1]]), gender: genders.string(at: r),
                age: ages[r], tier: tiers[r])
        }
    }
}
