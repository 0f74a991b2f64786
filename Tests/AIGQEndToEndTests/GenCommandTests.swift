import Foundation
import Testing

/// `aigq gen` run as a user runs it, into a temp workspace.
@Suite struct GenCommandTests {
    static let small = ["--users", "150", "--days", "2", "--start", "2026-11-22", "--zstd", "--bad-lines", "0.01", "--threads", "2"]

    static func tree(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + path), !path.hasSuffix("/") { files[path] = data }
        }
        return files
    }

    @Test func writesTheRawContractAndTheTruthAndReportsAsJSON() throws {
        let dir = TemporaryDirectory("gen")
        let result = try AIGQBinary.run(["gen", "--workspace", dir.file("ws"), "--json"] + Self.small)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["days"] as? [String] == ["2026-11-22", "2026-11-23"])
        #expect(report["users"] as? Int == 150)
        #expect((report["events"] as? Int ?? 0) > 500)
        #expect((report["bad_lines"] as? Int ?? 0) > 0)
        #expect(report["files"] as? Int == 8)
        #expect(report["raw"] as? String == dir.file("ws") + "/data/raw")
        for day in ["2026-11-22", "2026-11-23"] {
            let raw = try FileManager.default.contentsOfDirectory(atPath: dir.file("ws/data/raw/dt=\(day)"))
            #expect(raw.contains("_SUCCESS"))
            #expect(raw.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".jsonl.zst") }.count == 4)
            let truth = try FileManager.default.contentsOfDirectory(atPath: dir.file("ws/data/truth/dt=\(day)"))
            #expect(Set(truth).isSuperset(of: ["oracle.jsonl", "interests.jsonl", "bad_lines.jsonl"]))
            let oracle = try String(contentsOfFile: dir.file("ws/data/truth/dt=\(day)/oracle.jsonl"), encoding: .utf8)
            let first = try #require(oracle.split(separator: "\n").first)
            let line = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
            #expect(line["user"] is Int)
            #expect((line["queries"] as? [String])?.count == 30)
        }
        for dim in ["categories", "items", "queries", "users"] {
            #expect(FileManager.default.fileExists(atPath: dir.file("ws/data/raw/dims/\(dim).jsonl")))
        }
    }

    @Test func refusesToOverwriteWithoutForceAndRegeneratesTheSameBytes() throws {
        let dir = TemporaryDirectory("gen")
        let common = ["gen", "--out", dir.file("data")] + Self.small
        #expect(try AIGQBinary.run(common).status == 0)
        let before = Self.tree(dir.file("data"))
        let again = try AIGQBinary.run(common)
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"), "\(again.stderr)")
        #expect(again.stderr.split(separator: "\n").count == 1)
        let forced = try AIGQBinary.run(common + ["--force", "--threads", "1"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("events"))
        let after = Self.tree(dir.file("data"))
        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before == after)
    }

    @Test func rejectsBadOptionsWithOneSentence() throws {
        let dir = TemporaryDirectory("gen")
        for args in [["--start", "2026-02-30"], ["--days", "0"], ["--users", "5", "--scale", "100"], ["--bad-lines", "2"]] {
            let result = try AIGQBinary.run(["gen", "--out", dir.file("data")] + args)
            #expect(result.status != 0, "\(args)")
            #expect(!result.stderr.isEmpty, "\(args)")
        }
    }

    @Test func helpNamesEveryOption() throws {
        let result = try AIGQBinary.run(["gen", "--help"])
        #expect(result.status == 0)
        for option in ["--workspace", "--users", "--days", "--start", "--seed", "--files-per-day", "--zstd", "--bad-lines", "--scale", "--out", "--json", "oracle.jsonl"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }
}
