import Columnar
import Foundation
@testable import SyntheticLogs
import Testing

/// What `aigq gen` writes follows the raw log contract to the letter, with the variety it allows.
@Suite struct ContractTests {
    /// A fresh small generation (each test its own folder).
    static func generate() throws -> GeneratedTree {
        try GeneratedTree("contract") { o in
            o.users = 400
            o.days = 2
            o.zstd = true
            o.filesPerDay = 4
        }
    }

    @Test func everyLineParsesAndHasTheRequiredFieldsOfItsType() throws {
        let tree = try Self.generate()
        for day in tree.report.days {
            let start = Int64(CivilDate(day)!.startMillis)
            var count = 0
            for file in try tree.eventFiles(day) {
                for (i, line) in try tree.lines(day: day, file: file).enumerated() where !line.isEmpty {
                    let event = try #require(RawContract.parse(line), "\(file):\(i + 1)")
                    #expect(RawContract.problem(event, dayStart: start) == nil, "\(file):\(i + 1): \(String(decoding: line, as: UTF8.self))")
                    count += 1
                }
            }
            #expect(count == tree.report.eventsPerDay[tree.report.days.firstIndex(of: day)!])
        }
    }

    @Test func dayFoldersAreCompleteAndZstdFilesDecompress() throws {
        let tree = try Self.generate()
        for day in tree.report.days {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(tree.raw)/dt=\(day)")
            #expect(names.contains("_SUCCESS"))
            let files = try tree.eventFiles(day)
            #expect(files.count == 4)
            #expect(files.contains { $0.hasSuffix(".jsonl.zst") })
            #expect(files.contains { $0.hasSuffix(".jsonl") })
            for file in files where file.hasSuffix(".zst") { #expect(try !tree.content(day: day, file: file).isEmpty) }
        }
        #expect(FileManager.default.fileExists(atPath: tree.truth + "/dt=\(tree.report.days[0])/oracle.jsonl"))
    }

    @Test func filesVaryAsTheContractAllows() throws {
        let tree = try Self.generate()
        var crlf = false, lf = false, unsorted = false, extra = false, oddNumber = false, escaped = false, unterminated = false
        for day in tree.report.days {
            for file in try tree.eventFiles(day) {
                let bytes = try tree.content(day: day, file: file)
                let text = String(decoding: bytes, as: UTF8.self)
                if text.contains("\r\n") { crlf = true } else { lf = true }
                if bytes.last != 0x0A { unterminated = true }
                if text.contains("\"flag\"") || text.contains("\"ctx\"") || text.contains("\"client\"") || text.contains("\"debug\"") { extra = true }
                if text.contains("e-1") || text.contains("\"shown\": 3.0") || text.contains("\"shown\":3e0") || text.contains("\"shown\": 3e0") || text.contains("\"shown\":3.0") { oddNumber = true }
                if text.contains("\\u") { escaped = true }
            }
            let first = try tree.eventFiles(day)[0]
            let ts = try tree.events(day).filter { $0.file == first }.map { RawContract.integer($0.event["ts"])! }
            if ts != ts.sorted() { unsorted = true }
        }
        #expect(crlf && lf)
        #expect(unsorted)
        #expect(extra)
        #expect(oddNumber)
        #expect(escaped)
        #expect(unterminated)
    }

    @Test func hintClicksFollowTheirExposureAndAreOneOfTheShown() throws {
        let tree = try Self.generate()
        for day in tree.report.days {
            let events = try tree.events(day).map(\.event)
            var shown: [String: (user: Int64, ts: Int64, queries: [String])] = [:]
            for e in events where e["type"] as? String == "hint_exposure" {
                let candidates = (e["candidates"] as! [[String: Any]]).map { $0["query"] as! String }
                let n = Int(RawContract.integer(e["shown"])!)
                #expect(n == 3)
                #expect((8...12).contains(candidates.count))
                let scores = (e["candidates"] as! [[String: Any]]).map { RawContract.number($0["score"])! }
                #expect(scores == scores.sorted(by: >))
                #expect(shown[e["exposure"] as! String] == nil, "exposure ids are unique")
                shown[e["exposure"] as! String] = (RawContract.integer(e["user"])!, RawContract.integer(e["ts"])!, Array(candidates.prefix(n)))
            }
            var clicks = 0
            var hintSearches = 0
            for e in events {
                if e["type"] as? String == "hint_click" {
                    let exposure = try #require(shown[e["exposure"] as! String])
                    #expect(exposure.user == RawContract.integer(e["user"]))
                    #expect(exposure.ts <= RawContract.integer(e["ts"])!)
                    #expect(exposure.queries.contains(e["query"] as! String))
                    clicks += 1
                }
                if e["type"] as? String == "search", e["source"] as? String == "hint" { hintSearches += 1 }
            }
            #expect(clicks > 50)
            #expect(Double(hintSearches) > 0.9 * Double(clicks) && hintSearches <= clicks)
        }
    }

    @Test func dimensionsFollowTheContract() throws {
        let tree = try Self.generate()
        let categories = try tree.objects("raw/dims/categories.jsonl")
        let parents = Set(categories.compactMap { RawContract.integer($0["parent"]) })
        let leaves = Set(categories.map { RawContract.integer($0["id"])! }).subtracting(parents)
        #expect(categories.filter { $0["parent"] is NSNull }.count == tree.report.leaves / 20)
        #expect(leaves.count == tree.report.leaves)
        for c in categories { #expect(c["name"] is String) }
        let items = try tree.objects("raw/dims/items.jsonl")
        #expect(items.count == tree.report.items)
        for item in items {
            #expect(leaves.contains(RawContract.integer(item["category"])!))
            #expect(item["title"] is String)
            #expect(RawContract.number(item["price"])! > 0)
        }
        let queries = try tree.objects("raw/dims/queries.jsonl")
        #expect(queries.count < tree.report.queries, "a few queries are left out of the dictionary")
        #expect(queries.count > tree.report.queries * 9 / 10)
        for q in queries {
            let text = q["query"] as! String
            #expect(RawContract.normalize(text) == text)
            #expect(leaves.contains(RawContract.integer(q["category"])!))
        }
        let users = try tree.objects("raw/dims/users.jsonl")
        let listed = Set(users.map { RawContract.integer($0["id"])! })
        #expect(users.allSatisfy { ["f", "m", "u"].contains($0["gender"] as? String ?? "") })
        #expect(users.contains { $0["age"] is NSNull } && users.contains { $0["city_tier"] is NSNull })
        #expect(users.allSatisfy { CivilDate($0["registered"] as? String ?? "") != nil })
        let active = Set(try tree.report.days.flatMap { try tree.events($0).map { RawContract.integer($0.event["user"])! } })
        #expect(!active.subtracting(listed).isEmpty, "some active users are missing from users.jsonl")
    }

    @Test func someQueriesAreChinese() throws {
        let tree = try Self.generate()
        let searched = try tree.events(tree.report.days[0]).compactMap { $0.event["query"] as? String }
        let cjk = searched.filter { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(cjk.count > searched.count / 50)
        #expect(cjk.count < searched.count / 3)
    }
}
