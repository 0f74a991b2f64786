import Foundation
@testable import SyntheticLogs
import Testing

/// `--bad-lines` injects every kind the contract names, and `bad_lines.jsonl` lists them exactly.
@Suite struct BadLineTests {
    @Test func badLinesFileListsExactlyTheLinesThatBreakTheContract() throws {
        let tree = try GeneratedTree("bad") { o in
            o.users = 500
            o.days = 2
            o.zstd = true
            o.filesPerDay = 3
            o.badLineRate = 0.02
        }
        var kinds = Set<String>()
        var total = 0
        for day in tree.report.days {
            let start = Int64(CivilDate(day)!.startMillis)
            let listed = try tree.objects("truth/dt=\(day)/bad_lines.jsonl")
            var expected: [String: String] = [:]
            for bad in listed { expected["\(bad["file"] as! String):\(RawContract.integer(bad["line"])!)"] = bad["kind"] as? String }
            #expect(expected.count == listed.count)
            var found: [String: String] = [:]
            var exposures = Set<String>()
            var clicks: [(String, String)] = []
            var purchases: [(String, Int64)] = []
            for file in try tree.eventFiles(day) {
                for (i, line) in try tree.lines(day: day, file: file).enumerated() where !line.isEmpty {
                    let place = "\(file):\(i + 1)"
                    guard let event = RawContract.parse(line) else {
                        found[place] = "not_json"
                        continue
                    }
                    if let problem = RawContract.problem(event, dayStart: start) {
                        found[place] = problem
                        continue
                    }
                    if event["type"] as? String == "hint_exposure" { exposures.insert(event["exposure"] as! String) }
                    if event["type"] as? String == "hint_click" { clicks.append((place, event["exposure"] as! String)) }
                    if event["type"] as? String == "purchase" { purchases.append((place, RawContract.integer(event["item"])!)) }
                }
            }
            // Every line that breaks the contract is listed, with a kept=false kind, and nothing else is.
            let broken = Set(found.keys)
            let listedBroken = Set(expected.filter { !BadLineKind(rawValue: $0.value)!.isKept }.keys)
            #expect(broken == listedBroken)
            for (place, problem) in found {
                let kind = expected[place]
                switch kind {
                case "ts_outside_day": #expect(problem == "ts outside the day")
                case "unknown_type": #expect(problem == "unknown type")
                case "not_json": #expect(problem == "not_json")
                default: #expect(kind == "missing_field" || kind == "wrong_type", "\(place): \(problem)")
                }
            }
            // Kept kinds: a click on an exposure missing from the day, a purchase of an unknown item.
            let items = Set(try tree.objects("raw/dims/items.jsonl").map { RawContract.integer($0["id"])! })
            let ghostClicks = Set(clicks.filter { !exposures.contains($0.1) }.map(\.0))
            let unknownPurchases = Set(purchases.filter { !items.contains($0.1) }.map(\.0))
            #expect(ghostClicks == Set(expected.filter { $0.value == "unknown_exposure" }.keys))
            #expect(unknownPurchases == Set(expected.filter { $0.value == "unknown_item" }.keys))
            kinds.formUnion(expected.values)
            total += listed.count
        }
        #expect(kinds == Set(BadLineKind.allCases.map(\.rawValue)))
        #expect(total == tree.report.badLines)
        let rate = Double(total) / Double(tree.report.events)
        #expect(rate > 0.01 && rate < 0.03)
    }
}
