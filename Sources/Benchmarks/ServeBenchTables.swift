import Foundation
import LookupFormat

/// The tables `aigq bench serve` serves, and the requests it sends.
///
/// Generated (deterministic, from a seed): u2q with `users` users × 10 queries and a default list,
/// x2q with `users` × 2/3 triggers (`search:<query>`, `item:<id>`) × 10, popular with 30 queries,
/// written through LookupFormat as the export stage writes them. Or, with a workspace, its exports as
/// they are (the main job's), the users and triggers read from them.
struct ServeBenchTables {
    /// The workspace whose exports are served.
    var workspace: String
    /// What is served, for the report (`u2q 3000 keys / 30000 rows`, …).
    var description: [String]
    /// The request paths' query strings (`user=42&n=10&recent=…`), rotated by wrk.
    var queries: [String]
    /// The user of each request, as a u2q key.
    var users: [String]

    /// Requests per script: enough that consecutive requests rarely repeat.
    static let requestCount = 10_000
    /// Hints asked for per request.
    static let n = 10

    /// Writes generated tables under `directory/ws/exports`.
    static func generate(users: Int, into directory: String) throws -> ServeBenchTables {
        let workspace = directory + "/ws"
        try? FileManager.default.removeItem(atPath: workspace)
        let vocabulary = QueryVocabulary(count: max(1000, users * 3), seed: 11).queries.map { String(decoding: $0, as: UTF8.self) }
        var rng = SplitMix64(seed: 12)
        func list(_ count: Int) -> [String] {
            var seen = Set<String>()
            while seen.count < count { seen.insert(vocabulary[rng.below(vocabulary.count)]) }
            return Array(seen).sorted()
        }
        var u2q: [(String, [String])] = [(LookupTable.defaultKey, list(n))]
        for user in 1...users { u2q.append((String(user), list(n))) }
        var x2q: [(String, [String])] = []
        var triggers = Set<String>()
        while triggers.count < max(1, users * 2 / 3) {
            triggers.insert(rng.below(2) == 0 ? "search:" + vocabulary[rng.below(vocabulary.count)] : "item:\(rng.below(1_000_000))")
        }
        for trigger in triggers.sorted() { x2q.append((trigger, list(n))) }
        let exports = workspace + "/exports"
        var description: [String] = []
        for (table, lists) in [("u2q", u2q), ("x2q", x2q), ("popular", [(LookupTable.defaultKey, list(30))])] {
            let version = try write(table, lists, exports: exports)
            description.append("\(table) \(version): \(lists.count) keys, \(lists.reduce(0) { $0 + $1.1.count }) rows")
        }
        let known = (1...users).map { Int64($0) }
        let (queries, asked) = requests(known: known, triggers: triggers.sorted(), rng: &rng)
        return ServeBenchTables(workspace: workspace, description: description, queries: queries, users: asked)
    }

    /// The exports of `workspace`, as they are; requests made from their users and triggers.
    static func existing(workspace: String) throws -> ServeBenchTables {
        let exports = workspace + "/exports"
        var known: [Int64] = []
        var triggers: [String] = []
        var description: [String] = []
        for table in ExportFolder.tables(in: exports) {
            let served = try ExportFolder(exports: exports, table: table).loadCurrent()
            description.append("\(table) \(served.version): \(served.lookup.keys) keys, \(served.lookup.rows) rows")
            try served.lookup.forEach { key, entries in
                if table == "u2q", let user = Int64(key) { known.append(user) }
                if table == "u2q", triggers.count < 5000, let first = entries.first { triggers.append("search:" + first.query) }
                if table == "x2q" { triggers.append(key) }
            }
        }
        guard !known.isEmpty else {
            throw BenchmarkError("'\(exports)/u2q' has no users to ask for; run the main job (bash Pipelines/main-job.sh) or drop --workspace")
        }
        var rng = SplitMix64(seed: 12)
        let (queries, asked) = requests(known: known, triggers: triggers, rng: &rng)
        return ServeBenchTables(workspace: workspace, description: description, queries: queries, users: asked)
    }

    /// 80% known users, 20% unknown ones (ids above every known one); each with 2 recent triggers.
    /// Returns the query strings and their users.
    private static func requests(known: [Int64], triggers: [String], rng: inout SplitMix64) -> ([String], [String]) {
        let unknownBase = (known.max() ?? 0) + 1
        var queries: [String] = []
        var users: [String] = []
        for _ in 0..<requestCount {
            let user = rng.below(5) == 0 ? unknownBase + Int64(rng.below(1_000_000)) : known[rng.below(known.count)]
            var query = "user=\(user)&n=\(n)"
            if !triggers.isEmpty {
                let recent = (0..<2).map { _ in percentEncoded(triggers[rng.below(triggers.count)]) }
                query += "&recent=" + recent.joined(separator: ",")
            }
            queries.append(query)
            users.append(String(user))
        }
        return (queries, users)
    }

    /// `text` with every byte outside `A-Z a-z 0-9 - . _ ~` as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Writes one version of `table` holding `lists` and makes it CURRENT; returns its name.
    private static func write(_ table: String, _ lists: [(String, [String])], exports: String) throws -> String {
        let day = "2026-11-23"
        let folder = try ExportFolder(exports: exports, table: table)
        let staging = try folder.makeStaging(label: day)
        let sorted = lists.sorted { LookupTableWriter.precedes($0.0, $1.0) }
        let text = sorted.map { "\($0.0)\t\($0.1.joined(separator: "|"))" }.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: staging + "/table.tsv"))
        let tableFile = try ExportManifest.File(describing: staging + "/table.tsv")
        let version = VersionName(day: day, sha256Hex: tableFile.sha256).description
        let writer = try LookupTableWriter(path: staging + "/" + ExportFolder.lookupFileName, table: table, version: version, sourceDay: day)
        for (key, queries) in sorted {
            try writer.append(key: key, entries: queries.enumerated().map { LookupEntry(query: $1, score: Double(queries.count - $0)) })
        }
        let meta = try writer.finish()
        try folder.commit(staging: staging, manifest: ExportManifest(
            table: table, version: version, rows: meta.rows, keys: meta.keys, rowsPerKey: nil, sourceDataset: "bench",
            sourceMethod: nil, sourceDay: day, created: ExportManifest.endOfDay(day),
            files: [tableFile, try ExportManifest.File(describing: staging + "/" + ExportFolder.lookupFileName)]))
        _ = try folder.switchCurrent(to: version, action: .export)
        return version
    }
}
