@testable import SyntheticLogs
import Foundation
import Testing

/// The small building blocks: dates, number spelling, escaping, the top list, the seeded generator.
@Suite struct UnitTests {
    @Test(arguments: [("1970-01-01", 0), ("2026-11-23", 20_780), ("2000-02-29", 11_016), ("2024-12-31", 20_088)])
    func civilDatesRoundTrip(text: String, days: Int) {
        let date = CivilDate(text)
        #expect(date?.daysSinceEpoch == days)
        #expect(date?.description == text)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "yesterday", ""])
    func invalidDatesAreRejected(text: String) { #expect(CivilDate(text) == nil) }

    @Test(arguments: [
        (2500, 2, JSONWriter.NumberStyle.plain, "25"), (2500, 2, .withFraction, "25.0"), (2500, 2, .exponent, "2.5e1"),
        (12999, 2, .plain, "129.99"), (12999, 2, .exponent, "1.2999e2"), (8123, 4, .plain, "0.8123"),
        (8100, 4, .plain, "0.81"), (8123, 4, .exponent, "8.123e-1"), (5, 4, .plain, "0.0005"), (0, 2, .plain, "0"),
    ])
    func decimalsAreSpelledAsAsked(units: Int, scale: Int, style: JSONWriter.NumberStyle, expected: String) throws {
        var w = JSONWriter()
        w.decimal(units: units, scale: scale, style: style)
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as! NSNumber
        #expect(abs(parsed.doubleValue - Double(units) / pow(10, Double(scale))) < 1e-9)
    }

    @Test func stringsAreEscaped() throws {
        var w = JSONWriter()
        w.open()
        w.key("a")
        w.string("say \"hi\"\\ 27\" 帐篷\n")
        w.escapeNonASCII = true
        w.key("b")
        w.string("帐篷 x")
        w.close()
        #expect(String(decoding: w.bytes, as: UTF8.self) == #"{"a":"say \"hi\"\\ 27\" 帐篷\n","b":"\u5e10\u7bf7 x"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(w.bytes)) as! [String: String]
        #expect(object == ["a": "say \"hi\"\\ 27\" 帐篷\n", "b": "帐篷 x"])
    }

    @Test func integersAreWrittenExactly() {
        var w = JSONWriter()
        for v: Int64 in [0, 7, -42, 1_794_839_491_054, Int64.max, Int64.min] {
            w.bytes.removeAll()
            w.int(v)
            #expect(String(decoding: w.bytes, as: UTF8.self) == String(v))
        }
    }

    @Test func topListKeepsTheBestWithStableTies() {
        var top = TopList(capacity: 3)
        for (item, score) in [(5, 0.1), (2, 0.5), (9, 0.5), (1, 0.2), (7, 0.9), (3, 0.5)] { top.offer(Int32(item), score: score) }
        #expect(top.items == [7, 2, 3])
    }

    @Test func splitMixIsStableAndDerivedStreamsDiffer() {
        var a = SplitMix64(seed: 1)
        #expect(a.next() == 0x910A_2DEC_8902_5CC1)
        var b = SplitMix64(seed: SplitMix64.derive(1, 1))
        var c = SplitMix64(seed: SplitMix64.derive(1, 2))
        #expect(b.next() != c.next())
        var d = SplitMix64(seed: 9)
        for bound in [1, 2, 3, 7, 1000] { for _ in 0..<100 { #expect((0..<bound).contains(d.below(bound))) } }
    }

    @Test func theTaxonomyHasUniqueLeafNames() {
        let leaves = Taxonomy.domains.flatMap { $0.groups.flatMap(\.leaves) }
        #expect(leaves.count == 400)
        #expect(Set(leaves.map(\.english)).count == 400)
        #expect(Set(leaves.map(\.chinese)).count == 400)
        #expect(Taxonomy.domains.allSatisfy { $0.brands.count == QueryCatalog.brandsPerDomain && $0.groups.count == 5 })
    }

    @Test func worldQueriesAreUniqueNormalisedAndMostlyLatin() {
        let world = SyntheticWorld(domainCount: 20, seed: 3)
        let texts = world.queries.texts
        #expect(texts.count == 400 * SyntheticWorld.queriesPerLeaf)
        #expect(Set(texts).count == texts.count)
        #expect(texts.allSatisfy { RawContract.normalize($0) == $0 })
        let cjk = texts.filter { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }.count
        #expect(cjk > texts.count / 20 && cjk < texts.count / 4)
    }
}
