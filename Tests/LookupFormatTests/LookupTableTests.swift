import Foundation
import Testing
@testable import LookupFormat

/// Writing and reading lookup files: round trips, order, determinism, refusal of foreign files.
@Suite struct LookupTableTests {
    static let lists: [(String, [LookupEntry])] = [
        ("*", [LookupEntry(query: "rain boots", score: 120), LookupEntry(query: "帐篷", score: 80.5)]),
        ("-7", [LookupEntry(query: "a \"quoted\" \\ query\twith\ncontrols\u{1}", score: -0.25)]),
        ("42", [LookupEntry(query: "登山鞋 防水", score: 3), LookupEntry(query: "tent", score: 1e-7)]),
        ("empty", []),
        ("search:帐篷", [LookupEntry(query: "睡袋", score: 2), LookupEntry(query: "露营灯", score: 1)]),
        ("search:露营 🏕", [LookupEntry(query: "😀 / emoji", score: 1e300), LookupEntry(query: "", score: 0)]),
    ]

    static func write(_ path: String, lists: [(String, [LookupEntry])] = lists) throws -> LookupTableMeta {
        let writer = try LookupTableWriter(path: path, table: "u2q", version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23")
        for (key, entries) in lists { try writer.append(key: key, entries: entries) }
        return try writer.finish()
    }

    @Test func roundTripsEveryListIncludingCJKKeysAndQueries() throws {
        let dir = TemporaryFolder()
        let written = try Self.write(dir.file("lookup.sqlite"))
        let table = try LookupTable(path: dir.file("lookup.sqlite"))
        #expect(table.meta == written)
        #expect(table.meta == LookupTableMeta(table: "u2q", version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23", keys: 6, rows: 9))
        for (key, entries) in Self.lists {
            #expect(try table.lookup(key) == entries, "key \(key)")
            #expect(try table.contains(key))
        }
        #expect(try table.lookup(LookupTable.defaultKey).first?.query == "rain boots")
    }

    @Test func storedListsAreCompactJSON() throws {
        let json = try LookupEntry.json([LookupEntry(query: "a\"b\u{1}", score: 2), LookupEntry(query: "帐篷", score: 1e-7)], key: "k")
        #expect(json == #"[{"query":"a\"b\u0001","score":2.0},{"query":"帐篷","score":1e-07}]"#)
        #expect(try JSONDecoder().decode([LookupEntry].self, from: Data(json.utf8)).count == 2)
    }

    @Test(arguments: [
        (#" [ { "score": 1, "query": "a" } ] "#, [LookupEntry(query: "a", score: 1)]),
        (#"[{"query":"\ud83d\ude00 \/ \u5e10","score":-2.5E2}]"#, [LookupEntry(query: "😀 / 帐", score: -250)]),
        (#"[]"#, []),
    ])
    func readsListsInAnyValidJSONLayout(_ json: String, _ expected: [LookupEntry]) throws {
        #expect(try LookupEntry.entries(json: json, key: "k", path: "p") == expected)
    }

    @Test func refusesAListThatIsNotJSON() throws {
        let error = #expect(throws: LookupError.self) { try LookupEntry.entries(json: #"[{"query":"a","score":}]"#, key: "k", path: "p") }
        #expect(error?.code == .broken)
        #expect(error?.message.hasPrefix("'p': the list of key 'k' is not valid JSON") == true)
    }

    @Test func missingKeyHasAnEmptyList() throws {
        let dir = TemporaryFolder()
        _ = try Self.write(dir.file("lookup.sqlite"))
        let table = try LookupTable(path: dir.file("lookup.sqlite"))
        #expect(try table.lookup("43") == [])
        #expect(try table.contains("43") == false)
        #expect(try table.lookup("") == [])
    }

    @Test func forEachVisitsKeysInByteOrder() throws {
        let dir = TemporaryFolder()
        _ = try Self.write(dir.file("lookup.sqlite"))
        var seen: [String] = []
        try LookupTable(path: dir.file("lookup.sqlite")).forEach { key, _ in seen.append(key) }
        #expect(seen == Self.lists.map(\.0))
    }

    @Test func opensReadOnlyWithoutTouchingTheFile() throws {
        let dir = TemporaryFolder()
        let path = dir.file("lookup.sqlite")
        _ = try Self.write(path)
        let before = try bytes(path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        let table = try LookupTable(path: path)
        #expect(try table.lookup("42").count == 2)
        #expect(try bytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["lookup.sqlite"])
    }

    @Test func sameAppendsGiveTheSameBytes() throws {
        let dir = TemporaryFolder()
        var many: [(String, [LookupEntry])] = []
        for user in 0..<5000 {
            many.append((String(user), (0..<10).map { LookupEntry(query: "查询 \(user) \($0)", score: Double(10 - $0) / 3) }))
        }
        many.sort { LookupTableWriter.precedes($0.0, $1.0) }
        _ = try Self.write(dir.file("a.sqlite"), lists: many)
        _ = try Self.write(dir.file("b.sqlite"), lists: many)
        let a = try bytes(dir.file("a.sqlite"))
        #expect(a.count > 100_000)
        #expect(a == (try bytes(dir.file("b.sqlite"))))
        #expect(FileManager.default.fileExists(atPath: dir.file("a.sqlite-journal")) == false)
    }

    @Test func refusesKeysOutOfOrderOrRepeated() throws {
        let dir = TemporaryFolder()
        let writer = try LookupTableWriter(path: dir.file("x.sqlite"), table: "u2q", version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23")
        try writer.append(key: "5", entries: [])
        #expect(throws: LookupError.self) { try writer.append(key: "5", entries: []) }
        // "10" < "5" in byte order, though 10 > 5 as numbers.
        let error = #expect(throws: LookupError.self) { try writer.append(key: "10", entries: []) }
        #expect(error?.message == "key '10' comes after '5' in '\(dir.file("x.sqlite"))'; append keys once each, in increasing UTF-8 byte order")
        #expect(LookupTableWriter.precedes("10", "5"))
        #expect(LookupTableWriter.precedes("*", "-1"))
        #expect(LookupTableWriter.precedes("z", "é"))
    }

    @Test func refusesNonFiniteScoresAndAnExistingPath() throws {
        let dir = TemporaryFolder()
        let writer = try LookupTableWriter(path: dir.file("x.sqlite"), table: "u2q", version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23")
        #expect(throws: LookupError.self) { try writer.append(key: "1", entries: [LookupEntry(query: "q", score: .nan)]) }
        try writer.finish()
        let error = #expect(throws: LookupError.self) {
            _ = try LookupTableWriter(path: dir.file("x.sqlite"), table: "u2q", version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23")
        }
        #expect(error?.code == .invalidArgument)
    }

    @Test func refusesFilesThatAreNotLookupFiles() throws {
        let dir = TemporaryFolder()
        try Data("not a database at all, just text that is long enough".utf8).write(to: URL(fileURLWithPath: dir.file("text.sqlite")))
        #expect((#expect(throws: LookupError.self) { _ = try LookupTable(path: dir.file("text.sqlite")) })?.code == .broken)
        #expect((#expect(throws: LookupError.self) { _ = try LookupTable(path: dir.file("none.sqlite")) })?.code == .notFound)
    }
}
