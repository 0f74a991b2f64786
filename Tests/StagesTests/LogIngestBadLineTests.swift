import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

@Suite("Ingest: bad lines")
struct LogIngestBadLineTests {
    /// A shop's log written by hand: every type once, good, then every kind of bad line.
    @Test func everyKindOfBadLineIsQuarantinedWithItsReasonAndLine() throws {
        let f = LogIngestFixture()
        let t = f.ts("09:15:00")
        let other = Day.startMillis(Day.adding(1, to: f.day)) + 5
        let good = [
            #"{"type":"app_open","user":77,"ts":\#(t)}"#,
            #"{"type":"hint_exposure","user":77,"ts":\#(t + 1),"exposure":"x-1","shown":2,"candidates":[{"query":"Umbrella","score":0.9},{"query":"rain boots","score":0.5},{"query":"poncho","score":0.1}]}"#,
            #"{"type":"hint_click","user":77,"ts":\#(t + 2),"exposure":"x-1","query":"umbrella"}"#,
            #"{"type":"search","user":77,"ts":\#(t + 3),"query":"umbrella","source":"hint"}"#,
            #"{"type":"item_click","user":77,"ts":\#(t + 4),"item":9001,"query":"umbrella"}"#,
            #"{"type":"add_to_cart","user":77,"ts":\#(t + 5),"item":9001}"#,
            #"{"type":"purchase","user":77,"ts":\#(t + 6),"item":9001,"price":12.5}"#,
            #"{"type":"app_exit","user":77,"ts":\#(t + 7)}"#,
        ]
        let bad: [(String, String)] = [
            (#"{"type":"app_open","user":77,"ts":"#, "invalid JSON"),
            (#"[1,2,3]"#, "the line is an array, not a JSON object"),
            (#"{"type":"app_open","user":77}"#, "missing field 'ts'"),
            (#"{"type":"app_open","ts":\#(t)}"#, "missing field 'user'"),
            (#"{"user":77,"ts":\#(t)}"#, "missing field 'type'"),
            (#"{"type":"app_open","user":77,"ts":"\#(t)"}"#, "field 'ts' is a string, expected an integer"),
            (#"{"type":"app_open","user":77.5,"ts":\#(t)}"#, "field 'user' is 77.5, not an integer"),
            (#"{"type":"app_open","user":null,"ts":\#(t)}"#, "field 'user' is null"),
            (#"{"type":"teleport","user":77,"ts":\#(t)}"#, "unknown type 'teleport'"),
            (#"{"type":"app_open","user":77,"ts":\#(other)}"#, "field 'ts' (\(other)) is outside the day \(f.day)"),
            (#"{"type":"hint_exposure","user":77,"ts":\#(t),"exposure":"x-2","shown":1}"#, "missing field 'candidates'"),
            (#"{"type":"hint_exposure","user":77,"ts":\#(t),"exposure":"x-3","shown":3,"candidates":[{"query":"a","score":1}]}"#, "fewer than 'shown'"),
            (#"{"type":"hint_exposure","user":77,"ts":\#(t),"exposure":"x-4","shown":1,"candidates":[{"query":"a"}]}"#, "missing field 'candidates[0].score'"),
            (#"{"type":"hint_exposure","user":77,"ts":\#(t),"exposure":"x-5","shown":1,"candidates":["a"]}"#, "field 'candidates[0]' is a string, expected an object"),
            (#"{"type":"hint_exposure","user":77,"ts":\#(t),"shown":1,"candidates":[{"query":"a","score":1}]}"#, "missing field 'exposure'"),
            (#"{"type":"hint_click","user":77,"ts":\#(t),"query":"a"}"#, "missing field 'exposure'"),
            (#"{"type":"hint_click","user":77,"ts":\#(t),"exposure":"x-1"}"#, "missing field 'query'"),
            (#"{"type":"search","user":77,"ts":\#(t)}"#, "missing field 'query'"),
            (#"{"type":"search","user":77,"ts":\#(t),"query":42}"#, "field 'query' is a number, expected a string"),
            (#"{"type":"search","user":77,"ts":\#(t),"query":"a","source":"voice"}"#, "field 'source' is 'voice', expected typed, hint or suggest"),
            (#"{"type":"search","user":77,"ts":\#(t),"query":"   "}"#, "field 'query' is blank"),
            (#"{"type":"item_click","user":77,"ts":\#(t)}"#, "missing field 'item'"),
            (#"{"type":"item_click","user":77,"ts":\#(t),"item":"9001"}"#, "field 'item' is a string, expected an integer"),
            (#"{"type":"add_to_cart","user":77,"ts":\#(t)}"#, "missing field 'item'"),
            (#"{"type":"purchase","user":77,"ts":\#(t),"item":9001,"price":"cheap"}"#, "field 'price' is a string, expected a number"),
            (#"{"type":"purchase","user":77,"ts":\#(t),"item":18446744073709551615}"#, "outside the int64 range"),
        ]
        // Good and bad lines interleaved, with blank lines between some, so line numbers are checked.
        var lines: [String] = []
        var expected: [(Int64, String)] = []
        for (i, line) in good.enumerated() {
            lines.append(line)
            if i < bad.count {
                if i % 3 == 0 { lines.append("") }
                lines.append(bad[i].0)
                expected.append((Int64(lines.count), bad[i].1))
            }
        }
        for b in bad.dropFirst(good.count) {
            lines.append(b.0)
            expected.append((Int64(lines.count), b.1))
        }
        try f.writeDayFile("shop-a.jsonl", lines)
        try f.markSuccess()
        let context = f.context(params: ["max_bad_fraction": 1.0])
        let result = try f.run(context)

        let q = try f.quarantine(context)
        #expect(q.count == bad.count)
        for (row, want) in zip(q, expected) {
            #expect(row.file == "shop-a.jsonl")
            #expect(row.line == want.0, "line of \(want.1)")
            #expect(row.reason.contains(want.1), "line \(row.line): \(row.reason) should say \(want.1)")
            #expect(row.raw == lines[Int(row.line) - 1])
        }
        let events = try f.events(context)
        #expect(events.rowCount == good.count)
        #expect(result.rowsOut == good.count)
        #expect(result.rowsIn == good.count + bad.count)
        #expect(try events.optionalStrings("type") == ["app_open", "hint_exposure", "hint_click", "search", "item_click", "add_to_cart", "purchase", "app_exit"])
        #expect(try events.optionalStrings("query") == [nil, nil, "umbrella", "umbrella", "umbrella", nil, nil, nil])
        #expect(try events.optionalInt64s("item") == [nil, nil, nil, nil, 9001, 9001, 9001, nil])
        #expect(try events.optionalStrings("exposure") == [nil, "x-1", "x-1", nil, nil, nil, nil, nil])
        #expect(try events.optionalInt32s("shown") == [nil, 2, nil, nil, nil, nil, nil, nil])
        #expect(try events.optionalStrings("source") == [nil, nil, nil, "hint", nil, nil, nil, nil])
        #expect(try events.optionalDoubles("price") == [nil, nil, nil, nil, nil, nil, 12.5, nil])
        let (offsets, candidates) = try events.stringLists("candidates")
        #expect(offsets == [0, 0, 3, 3, 3, 3, 3, 3, 3])
        #expect((0..<candidates.count).map { candidates.string(at: $0) } == ["umbrella", "rain boots", "poncho"])
        #expect(try events.doubleLists("scores").elements == [0.9, 0.5, 0.1])
        #expect(f.log(context).contains("bad lines quarantined"))
    }

    @Test func invalidUTF8AndLongLinesAreQuarantinedAndTruncatedOnACharacterBoundary() throws {
        let f = LogIngestFixture()
        let t = f.ts("10:00:00")
        let long = #"{"type":"search","user":5,"ts":\#(t),"query":"\#(String(repeating: "東", count: 1500))","#  // cut JSON, > 4 KiB
        var bytes = Array(#"{"type":"app_open","user":5,"ts":\#(t)}"#.utf8) + [0x0A]
        bytes += Array(#"{"type":"search","user":5,"ts":\#(t),"query":"caf"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8) + [0x0A]
        bytes += Array(long.utf8) + [0x0A]
        try f.writeDayBytes("b.jsonl", bytes)
        try f.markSuccess()
        let context = f.context(params: ["max_bad_fraction": 1.0])
        try f.run(context)
        let q = try f.quarantine(context)
        #expect(q.map(\.line) == [2, 3])
        #expect(q.allSatisfy { $0.reason.hasPrefix("invalid JSON") })
        #expect(q[0].raw.hasPrefix(#"{"type":"search""#))
        #expect(q[1].raw.utf8.count <= 4096 && q[1].raw.utf8.count > 4090)
        #expect(long.hasPrefix(q[1].raw))
        #expect(try f.events(context).rowCount == 1)
    }

    @Test func tooManyBadLinesFailNamingTheWorstFile() throws {
        let f = LogIngestFixture()
        let t = f.ts("12:00:00")
        let ok = (0..<50).map { #"{"type":"app_open","user":\#($0),"ts":\#(t + Int64($0))}"# }
        try f.writeDayFile("fine.jsonl", ok + [#"{"type":"app_open"}"#])
        try f.writeDayFile("noisy.jsonl.zst", ok + (0..<3).map { _ in #"{"user":1,"ts":\#(t),"type":"nap"}"# })
        try f.markSuccess()
        let error = #expect(throws: StageError.self) { try f.run(f.context()) }
        let message = error?.message ?? ""
        #expect(message.contains("'noisy.jsonl.zst' with 3 bad of 53 lines"), "\(message)")
        #expect(message.contains("4 of 104 lines"), "\(message)")
        #expect(message.contains("unknown type 'nap'"), "\(message)")
        // Within the limit the same day passes.
        try f.run(f.context(label: "lenient", params: ["max_bad_fraction": 0.05]))
    }

    @Test func unknownExposuresAndItemsAreKeptAndCounted() throws {
        let f = LogIngestFixture()
        let t = f.ts("18:30:00")
        try f.writeDims("items.jsonl", [#"{"id":1,"category":10,"title":"kettle","price":20}"#])
        try f.writeDayFile("p.jsonl", [
            #"{"type":"hint_click","user":3,"ts":\#(t),"exposure":"never-logged","query":"tea"}"#,
            #"{"type":"purchase","user":3,"ts":\#(t + 9),"item":404}"#,
            #"{"type":"purchase","user":3,"ts":\#(t + 10),"item":1}"#,
        ])
        try f.markSuccess()
        let context = f.context()
        try f.run(context)
        #expect(try f.events(context).rowCount == 3)
        #expect(f.log(context).contains("hint clicks of an exposure not logged that day: 1; purchases of items not in the catalogue: 1"))
    }
}
