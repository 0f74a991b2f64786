import Foundation
import Testing

/// The main job on small synthetic data through the real binary: `aigq gen` then `aigq run` of
/// `Pipelines/daily.yaml`, the evaluation table, determinism and incremental reruns.
@Suite(.serialized) struct MainJobTests {
    static let daily: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Pipelines/daily.yaml").path
    }()
    static let days = ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]
    static let gen = ["--users", "250", "--days", "4", "--start", "2026-11-20", "--seed", "7", "--zstd", "--bad-lines", "0.002"]

    /// Generates the four days into `dir/gen` once.
    static func generate(_ dir: TemporaryDirectory) throws {
        let result = try AIGQBinary.run(["gen", "--out", dir.file("gen")] + gen)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Copies the generated dims and the given days (raw and truth) into the workspace `ws`.
    static func copy(_ dir: TemporaryDirectory, days: [String], into ws: String) throws {
        let fm = FileManager.default
        for (source, target) in [("raw/dims", "data/raw/dims")] + days.flatMap({ [("raw/dt=\($0)", "data/raw/dt=\($0)"), ("truth/dt=\($0)", "data/truth/dt=\($0)")] }) {
            let to = ws + "/" + target
            guard !fm.fileExists(atPath: to) else { continue }
            try fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: dir.file("gen/" + source), toPath: to)
        }
    }

    /// The stages of each day, in pipeline order.
    static let stagesPerDay = ["ingest", "sessions", "baselines", "rerank", "ctr", "sft", "direct", "evaluate", "export"]

    /// A small model, trained from the second day on, so the test stays quick.
    static let smallModels = [
        "sft.channels=32", "sft.layers=2", "sft.heads=2", "sft.steps=40", "sft.warm_steps=10", "sft.min_days=2", "direct.samples=2",
    ].flatMap { ["-p", $0] }

    static func run(_ ws: String, _ extra: [String] = []) throws -> (ran: [String], stdout: String) {
        let result = try AIGQBinary.run(["run", "--pipeline", daily, "--workspace", ws, "--json"] + smallModels + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tasks = report["outcomes"] as? [[String: Any]] ?? []
        let ran = tasks.filter { $0["status"] as? String == "ran" }.compactMap { $0["task"] as? String }.sorted()
        return (ran, result.stdout)
    }

    /// Every file of the workspace's datasets, reports and export versions, by path.
    static func contents(_ ws: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["data", "reports", "exports", "models"] {
            let enumerator = FileManager.default.enumerator(atPath: ws + "/" + folder)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix("HISTORY") || path.hasSuffix(".lock") || path.hasSuffix("receipt.json") { continue }
                // Of the exports, what is served: superseded versions stay (by design) where params changed.
                if folder == "exports", let table = path.split(separator: "/").first, path.split(separator: "/").count == 3,
                    let current = try? String(contentsOfFile: ws + "/exports/\(table)/CURRENT", encoding: .utf8),
                    path.split(separator: "/")[1] != current.trimmingCharacters(in: .whitespacesAndNewlines)
                {
                    continue
                }
                var isDir: ObjCBool = false
                let full = ws + "/" + folder + "/" + path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    files[folder + "/" + path] = FileManager.default.contents(atPath: full)
                }
            }
        }
        return files
    }

    @Test func runsEndToEndDeterministicallyAndIncrementally() throws {
        let dir = TemporaryDirectory("mainjob")
        try Self.generate(dir)
        let ws = dir.file("ws")
        try Self.copy(dir, days: Array(Self.days.prefix(3)), into: ws)

        // First run: every stage of every day.
        let first = try Self.run(ws)
        #expect(first.ran.count == Self.stagesPerDay.count * 3, "\(first.ran)")
        #expect(FileManager.default.fileExists(atPath: ws + "/reports/2026-11-22/metrics.json"))
        #expect(FileManager.default.fileExists(atPath: ws + "/exports/u2q/CURRENT"))
        let eval = try AIGQBinary.run(["eval", "--workspace", ws])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains("test day 2026-11-22"))
        for method in ["popularity", "user_history", "cooccurrence", "oracle", "direct_il_sft", "direct_sft", "think_il_sft"] {
            #expect(eval.stdout.contains(method))
        }
        // The served u2q table is the model's.
        let manifest = try String(contentsOfFile: ws + "/exports/u2q/CURRENT", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let receipt = try String(contentsOfFile: ws + "/exports/u2q/" + manifest + "/_MANIFEST.json", encoding: .utf8)
        #expect(receipt.contains("\"direct\""), "\(receipt)")
        // aigq serve answers from the exported tables (u2q, and popular for unknown users).
        try ServeCommandTests.checkServes(workspace: ws)

        // Nothing to do the second time.
        #expect(try Self.run(ws).ran.isEmpty)

        // A new day adds that day's work, plus the baselines of the day before (whose oracle reads
        // the new day's truth); early cut-off stops the rest.
        try Self.copy(dir, days: Self.days, into: ws)
        let next = try Self.run(ws)
        let newDay = Self.stagesPerDay.map { "\($0)@dt=2026-11-23" }
        #expect(next.ran == (newDay + ["baselines@dt=2026-11-22"]).sorted(), "\(next.ran)")

        // A param change reruns its stage and what depends on it, nothing upstream.
        let changed = try Self.run(ws, ["-p", "baselines.k=20"])
        let stages = Set(changed.ran.map { String($0.prefix { $0 != "@" }) })
        #expect(stages.isSuperset(of: ["baselines", "evaluate"]), "\(changed.ran)")
        #expect(stages.isDisjoint(with: ["ingest", "sessions", "rerank"]), "\(changed.ran)")
        #expect(changed.ran.filter { $0.hasPrefix("baselines@") }.count == 4)

        // Changing sft.lr retrains the models and reruns what reads them, nothing upstream.
        let relearned = try Self.run(ws, ["-p", "baselines.k=20", "-p", "sft.lr=1e-3"])
        let relearnedStages = Set(relearned.ran.map { String($0.prefix { $0 != "@" }) })
        #expect(relearnedStages.isSuperset(of: ["sft", "direct", "evaluate"]), "\(relearned.ran)")
        #expect(relearnedStages.isDisjoint(with: ["ingest", "sessions", "rerank", "baselines"]), "\(relearned.ran)")

        // Same inputs, params and seeds in a fresh workspace: byte-identical datasets, reports and tables.
        let other = dir.file("ws2")
        try Self.copy(dir, days: Self.days, into: other)
        _ = try Self.run(other, ["-p", "baselines.k=20", "-p", "sft.lr=1e-3"])
        let a = Self.contents(ws)
        let b = Self.contents(other)
        #expect(Set(a.keys).symmetricDifference(b.keys).sorted() == [])
        #expect(a.keys.contains { $0.hasPrefix("models/sft/") && $0.hasSuffix(".ckpt") })
        for (path, data) in a where b[path] != data { Issue.record("\(path) differs between two runs") }
    }

    @Test func aDayWithoutSuccessIsNotIngested() throws {
        let dir = TemporaryDirectory("mainjob-success")
        try Self.generate(dir)
        let ws = dir.file("ws")
        try Self.copy(dir, days: Array(Self.days.prefix(1)), into: ws)
        try FileManager.default.removeItem(atPath: ws + "/data/raw/dt=2026-11-20/_SUCCESS")
        let result = try AIGQBinary.run(["run", "--pipeline", Self.daily, "--workspace", ws])
        #expect(result.status != 0)
        #expect(result.stderr.contains("_SUCCESS"), "\(result.stderr)")
    }
}
