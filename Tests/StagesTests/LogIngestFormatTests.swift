import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

@Suite("Ingest: formats and contract")
struct LogIngestFormatTests {
    @Test func zstdAndPlainFilesMixInOneDay() throws {
        let f = LogIngestFixture()
        let t = f.ts("07:00:00")
        let lines = (0..<400).map { i in #"{"type":"search","user":\#(i % 17),"ts":\#(t + Int64(i) * 1000),"query":"lamp \#(i % 5)"}"# }
        try f.writeDayFile("morning.jsonl", Array(lines[0..<150]))
        try f.writeDayFile("noon.jsonl.zst", Array(lines[150..<300]))
        try f.writeDayFile("sub-evening.jsonl.zst", Array(lines[300...]))
        try f.writeDayFile("notes.txt", ["not a log"])  // not a log file: ignored
        try f.markSuccess()
        let context = f.context(params: ["chunk_mib": 1])
        let result = try f.run(context)
        #expect(result.rowsOut == 400)
        let events = try f.events(context)
        #expect(events.rowCount == 400)
        #expect(Set(try events.optionalStrings("query").compactMap { $0 }) == ["lamp 0", "lamp 1", "lamp 2", "lamp 3", "lamp 4"])
        #expect(try f.quarantine(context).isEmpty)
    }

    @Test func crlfBlankLinesNumbersAndUnknownFields() throws {
        let f = LogIngestFixture()
        let t = f.ts("21:00:00")
        try f.writeDayFile("w.jsonl", [
            #"{"type":"app_open","user":1.0,"ts":\#(t)}"#,
            "",
            "   ",
            #"{"ts":\#(Double(t + 1)),"type":"item_click","user":1e0,"item":3e2,"referrer":{"page":"home","slot":[1,2]},"v":2}"#,
            #"{"user":1,"ts":\#(t + 2),"type":"purchase","item":300,"price":7,"coupon":null}"#,
            #"{"user":1,"ts":\#(t + 3),"type":"app_exit","ts_client":"yesterday"}"#,
            #"{"user":1,"ts":\#(t + 4),"type":"search","query":"x","source":null}"#,
            #"{"user":1,"ts":1.5e300,"type":"app_exit"}"#,
        ], lineEnd: "\r\n")
        try f.markSuccess()
        let context = f.context(params: ["max_bad_fraction": 1.0])
        try f.run(context)
        let events = try f.events(context)
        #expect(try events.optionalStrings("type") == ["app_open", "item_click", "purchase", "app_exit", "search"])
        #expect(try events.int64s("user") == [1, 1, 1, 1, 1])
        #expect(try events.int64s("ts") == (0..<5).map { t + Int64($0) })
        #expect(try events.optionalInt64s("item") == [nil, 300, 300, nil, nil])
        #expect(try events.optionalDoubles("price") == [nil, nil, 7, nil, nil])
        #expect(try events.optionalStrings("source") == [nil, nil, nil, nil, nil])
        let q = try f.quarantine(context)
        #expect(q.map(\.line) == [8])
        #expect(q.first?.reason.contains("outside the int64 range") == true)
        #expect(q.first?.raw.hasSuffix("\r") == false)
    }

    @Test func cjkAndFullWidthQueriesAreNormalised() throws {
        let f = LogIngestFixture()
        let t = f.ts("13:00:00")
        try f.writeDims("queries.jsonl", [
            #"{"query":"Ｔｏｋｙｏ　ラーメン","category":31}"#,
            #"{"query":"抹茶","category":40}"#,
        ])
        try f.writeDayFile("jp.jsonl", [
            #"{"type":"search","user":8,"ts":\#(t),"query":"  ＴＯＫＹＯ　　ラーメン "}"#,
            #"{"type":"search","user":8,"ts":\#(t + 1),"query":"tokyo ラーメン"}"#,
            #"{"type":"hint_exposure","user":8,"ts":\#(t + 2),"exposure":"e9","shown":1,"candidates":[{"query":"ｅｃｏ\tBAG","score":1},{"query":"餃子","score":0.5}]}"#,
            #"{"type":"hint_click","user":8,"ts":\#(t + 3),"exposure":"e9","query":"ＥＣＯ ｂａｇ"}"#,
            #"{"type":"item_click","user":8,"ts":\#(t + 4),"item":5,"query":"\u9903\u5B50"}"#,
        ])
        try f.markSuccess()
        let context = f.context()
        try f.run(context)
        let events = try f.events(context)
        #expect(try events.optionalStrings("query") == ["tokyo ラーメン", "tokyo ラーメン", nil, "eco bag", "餃子"])
        let (_, candidates) = try events.stringLists("candidates")
        #expect((0..<candidates.count).map { candidates.string(at: $0) } == ["eco bag", "餃子"])

        let queries = try f.read(context, "queries", DatasetSchemas.queries)
        let texts = try queries.optionalStrings("query")
        #expect(texts == ["eco bag", "tokyo ラーメン", "抹茶", "餃子"])
        #expect(try queries.optionalInt64s("category") == [nil, 31, 40, nil])
        #expect(try queries.bools("in_dictionary") == [false, true, true, false])
        #expect(try queries.int64s("searches") == [0, 2, 0, 0])
        #expect(try queries.int64s("hint_clicks") == [1, 0, 0, 0])
        #expect(try queries.int64s("candidate_count") == [1, 0, 0, 1])
    }

    @Test func aDayWithoutSuccessIsNotIngested() throws {
        let f = LogIngestFixture()
        try f.writeDayFile("half.jsonl", [#"{"type":"app_open","user":1,"ts":\#(f.ts("01:00:00"))}"#])
        let error = #expect(throws: StageError.self) { try f.run(f.context()) }
        #expect(error?.message.contains("has no _SUCCESS, so the day is still being written") == true, "\(error?.message ?? "")")
        let waited = #expect(throws: StageError.self) { try f.run(f.context(label: "w", params: ["wait_seconds": 1])) }
        #expect(waited?.message.contains("waited 1 s") == true)
    }

    @Test func waitsForSuccessWhenAsked() throws {
        let f = LogIngestFixture()
        try f.writeDayFile("late.jsonl", [#"{"type":"app_open","user":1,"ts":\#(f.ts("01:00:00"))}"#])
        let marker = f.dayFolder + "/_SUCCESS"
        let writer = Thread {
            Thread.sleep(forTimeInterval: 0.5)
            _ = FileManager.default.createFile(atPath: marker, contents: Data())
        }
        writer.start()
        let context = f.context(params: ["wait_seconds": 20])
        let result = try f.run(context)
        #expect(result.rowsOut == 1)
    }

    @Test func aDayWithNoHintExposuresAndUnknownUsers() throws {
        let f = LogIngestFixture()
        let t = f.ts("16:00:00")
        try f.writeDims("users.jsonl", [#"{"id":1,"gender":"f","age":31,"city_tier":2,"registered":"2025-01-02"}"#])
        try f.writeDayFile("plain.jsonl", [
            #"{"type":"search","user":900,"ts":\#(t),"query":"glue","source":"typed"}"#,
            #"{"type":"item_click","user":900,"ts":\#(t + 50),"item":77}"#,
        ])
        try f.markSuccess()
        let context = f.context()
        let result = try f.run(context)
        #expect(result.rowsOut == 2)
        #expect(try f.read(context, "users", DatasetSchemas.users).rowCount == 1)
        #expect(try f.quarantine(context).isEmpty)
        #expect(FileManager.default.fileExists(atPath: context.outputFolders["quarantine"]! + "/part-00000.parquet"))
    }
}
