import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

@Suite("Ingest: order, determinism, bounded memory")
struct LogIngestDeterminismTests {
    /// A day of a small bookshop, made by a fixed recipe (not the generator): users browse,
    /// see hints, click, search and buy; every (user, ts) is distinct.
    static func bookshopLines(_ f: LogIngestFixture, users: Int = 40, perUser: Int = 60) -> [String] {
        var lines: [String] = []
        let topics = ["Poetry", "ＳＦ　novels", "cook books", "地図", "atlas of the sea", "Kids  Comics"]
        for u in 0..<users {
            let user = 1000 + u * 7
            for k in 0..<perUser {
                let ts = f.ts("06:00:00") + Int64(k) * 60_000 + Int64(u) * 13
                let topic = topics[(u + k) % topics.count]
                switch k % 6 {
                case 0: lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"app_open"}"#)
                case 1:
                    let cands = (0..<4).map { #"{"query":"\#(topics[(u + k + $0) % topics.count])","score":\#(1.0 / Double($0 + 1))}"# }
                    lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"hint_exposure","exposure":"ex-\#(u)-\#(k)","shown":2,"candidates":[\#(cands.joined(separator: ","))]}"#)
                case 2: lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"hint_click","exposure":"ex-\#(u)-\#(k - 1)","query":"\#(topic)"}"#)
                case 3: lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"search","query":"\#(topic)","source":"typed"}"#)
                case 4: lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"item_click","item":\#(u * 100 + k),"query":"\#(topic)"}"#)
                default: lines.append(#"{"ts":\#(ts),"user":\#(user),"type":"purchase","item":\#(u * 100 + k - 1),"price":\#(k).5}"#)
                }
            }
        }
        return lines
    }

    /// Deterministic shuffle (LCG) for reordering lines.
    static func shuffled(_ lines: [String], seed: UInt64) -> [String] {
        var state = seed
        var out = lines
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            out.swapAt(i, Int(state >> 33) % (i + 1))
        }
        return out
    }

    @Test func shardsAreSortedByUserThenTimeThenFileThenLine() throws {
        let f = LogIngestFixture()
        let t = f.ts("08:00:00")
        try f.writeDayFile("b.jsonl", [
            #"{"ts":\#(t + 5),"user":2,"type":"search","query":"b-first"}"#,
            #"{"ts":\#(t),"user":2,"type":"search","query":"b-second-line"}"#,
            #"{"ts":\#(t),"user":1,"type":"app_open"}"#,
        ])
        try f.writeDayFile("a.jsonl", [
            #"{"ts":\#(t + 5),"user":2,"type":"search","query":"a-tie"}"#,
            #"{"ts":\#(t + 5),"user":2,"type":"search","query":"a-tie-later-line"}"#,
        ])
        try f.markSuccess()
        let context = f.context(params: ["buckets": 1])
        try f.run(context)
        let events = try f.events(context)
        #expect(try events.int64s("user") == [1, 2, 2, 2, 2])
        #expect(try events.optionalStrings("query") == [nil, "b-second-line", "a-tie", "a-tie-later-line", "b-first"])
    }

    @Test func sameEventsInOtherFilesAndOrdersGiveByteIdenticalShards() throws {
        let first = LogIngestFixture()
        let lines = Self.bookshopLines(first)
        try first.writeDayFile("all.jsonl", lines)
        try first.markSuccess()
        let a = first.context(label: "a")
        try first.run(a)
        let reference = try first.eventShardBytes(a)
        #expect(reference.count == 8)

        // The same events split over three files (one compressed), each shuffled, listed backwards.
        let second = LogIngestFixture()
        let mixed = Self.shuffled(Self.bookshopLines(second), seed: 7)
        try second.writeDayFile("x.jsonl.zst", Array(mixed[0..<700]))
        try second.writeDayFile("y.jsonl", Array(mixed[700..<1500]), lineEnd: "\r\n")
        try second.writeDayFile("z.jsonl", Array(mixed[1500...]))
        try second.markSuccess()
        let b = second.context(label: "b", threads: 2, reverseFiles: true)
        try second.run(b)
        #expect(try second.eventShardBytes(b) == reference)
        let c = second.context(label: "c", params: ["chunk_mib": 1], threads: 1)
        try second.run(c)
        #expect(try second.eventShardBytes(c) == reference)
        // The dims and queries snapshots do not depend on the split either.
        for name in ["queries", "quarantine", "users"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: a.outputFolders[name]! + "/part-00000.parquet"))
            let two = try Data(contentsOf: URL(fileURLWithPath: b.outputFolders[name]! + "/part-00000.parquet"))
            #expect(one == two, "\(name)")
        }
    }

    @Test func aTinyRowBudgetSpillsAndGivesTheSameBytes() throws {
        let f = LogIngestFixture()
        let lines = Self.shuffled(Self.bookshopLines(f, users: 60, perUser: 50), seed: 3)
        try f.writeDayFile("one.jsonl", Array(lines[0..<1000]))
        try f.writeDayFile("two.jsonl.zst", Array(lines[1000...]))
        try f.markSuccess()
        let params: [String: ParamValue] = ["buckets": 3, "row_group_rows": 97]
        let memory = f.context(label: "memory", params: params)
        try f.run(memory)
        let reference = try f.eventShardBytes(memory)
        #expect(f.log(memory).contains("0 sorted runs spilled"))

        var small = params
        small["buffer_rows"] = 40
        for threads in [1, 2] {
            let spilled = f.context(label: "spill\(threads)", params: small, threads: threads)
            try f.run(spilled)
            #expect(try f.eventShardBytes(spilled) == reference, "threads \(threads)")
            // More runs per bucket than one merge takes (16): runs are merged in rounds.
            let spills = f.log(spilled).split(separator: ";").first { $0.hasSuffix("sorted runs spilled\n") || $0.contains("sorted runs spilled") }
            let count = spills.flatMap { Int($0.split(separator: " ").first { Int($0) != nil } ?? "") } ?? 0
            #expect(count > 16 * threads, "\(spills ?? "no spill count")")
            let spillFolders = try FileManager.default.contentsOfDirectory(atPath: (spilled.outputFolders["events"]! as NSString).deletingLastPathComponent)
            #expect(spillFolders.allSatisfy { !$0.contains("spill") }, "spill folder left behind: \(spillFolders)")
        }
        let events = try f.events(memory)
        #expect(events.rowCount == 3000)
        let reader = try ParquetFileReader(path: f.files(under: memory.outputFolders["events"]!)[0])
        #expect(reader.rowGroupCount > 5)
    }
}
