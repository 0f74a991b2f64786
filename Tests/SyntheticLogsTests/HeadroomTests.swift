import Foundation
import SyntheticLogs
import Testing

/// The data holds structure beyond popularity: the oracle list (true interests) beats the global
/// top-30 by far, and yesterday's true interests still beat it (recency matters).
@Suite struct HeadroomTests {
    @Test func oracleBeatsPopularityOnTheNextDaysSearches() throws {
        let tree = try GeneratedTree("headroom") { o in
            o.users = 1000
            o.days = 4
        }
        let days = tree.report.days
        var popularity: [String: Int] = [:]
        var truth: [[Int64: Set<String>]] = []
        for day in days {
            var byUser: [Int64: Set<String>] = [:]
            for e in try tree.events(day).map(\.event) where ["search", "hint_click"].contains(e["type"] as? String) {
                byUser[RawContract.integer(e["user"])!, default: []].insert(RawContract.normalize(e["query"] as! String))
            }
            truth.append(byUser)
        }
        func oracle(_ day: String) throws -> [Int64: [String]] {
            Dictionary(uniqueKeysWithValues: try tree.objects("truth/dt=\(day)/oracle.jsonl").map {
                (RawContract.integer($0["user"])!, $0["queries"] as! [String])
            })
        }
        func hitRate(_ lists: (Int64) -> [String], _ truth: [Int64: Set<String>]) -> Double {
            Double(truth.filter { !$0.value.isDisjoint(with: lists($0.key)) }.count) / Double(truth.count)
        }
        for (d, day) in days.enumerated() {
            defer { for set in truth[d].values { for q in set { popularity[q, default: 0] += 1 } } }
            guard d > 0 else { continue }
            let top = popularity.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(30).map(\.key)
            let today = try oracle(day)
            let yesterday = try oracle(days[d - 1])
            let oracleHR = hitRate({ today[$0] ?? [] }, truth[d])
            let popularityHR = hitRate({ _ in top }, truth[d])
            let yesterdayHR = hitRate({ yesterday[$0] ?? [] }, truth[d])
            #expect(today.count >= truth[d].count, "every searching user has an oracle line")
            #expect(oracleHR > 0.7, "oracle HR@30 \(oracleHR)")
            #expect(oracleHR > popularityHR + 0.35, "oracle \(oracleHR) vs popularity \(popularityHR)")
            #expect(yesterdayHR > popularityHR + 0.1, "yesterday's interests \(yesterdayHR) vs popularity \(popularityHR)")
        }
    }
}
