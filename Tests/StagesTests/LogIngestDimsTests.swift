import Columnar
import Foundation
import PipelineCore
import Stages
import Testing

@Suite("Ingest: dimension tables")
struct LogIngestDimsTests {
    @Test func dimsSnapshotsWithLeavesDepthsAndBadLines() throws {
        let f = LogIngestFixture()
        try f.writeDims("categories.jsonl", [
            #"{"id":3,"parent":null,"name":"Garden"}"#,
            #"{"id":30,"parent":3,"name":"Tools"}"#,
            #"{"id":301,"parent":30,"name":"Spades"}"#,
            #"{"id":4,"name":"Kitchen"}"#,
            #"{"id":30,"parent":4,"name":"Again"}"#,
        ])
        try f.writeDims("users.jsonl", [
            #"{"id":12,"gender":"m","age":null,"city_tier":1,"registered":"2024-12-31"}"#,
            #"{"id":11,"gender":"u"}"#,
            #"{"id":13,"gender":"x"}"#,
            #"{"id":14,"gender":"f","registered":"31/12/2024"}"#,
        ])
        try f.writeDims("items.jsonl", [
            #"{"id":2,"category":301,"title":"Spade, steel","price":19.99}"#,
            #"{"id":1,"category":4,"title":"Pan"}"#,
            #"{"id":5,"category":4}"#,
        ])
        try f.writeDims("queries.jsonl", [#"{"query":"Spade","category":301}"#, #"{"query":"SPADE","category":4}"#])
        try f.writeDayFile("d.jsonl", [#"{"type":"app_open","user":11,"ts":\#(f.ts("00:00:00"))}"#])
        try f.markSuccess()
        let context = f.context(params: ["max_bad_fraction": 1.0])
        try f.run(context)

        let categories = try f.read(context, "categories", DatasetSchemas.categories)
        #expect(try categories.int64s("category") == [3, 4, 30, 301])
        #expect(try categories.optionalInt64s("parent") == [nil, nil, 3, 30])
        #expect(try categories.bools("leaf") == [false, true, false, true])
        #expect(try categories.int32s("depth") == [0, 0, 1, 2])

        let users = try f.read(context, "users", DatasetSchemas.users)
        #expect(try users.int64s("user") == [11, 12])
        #expect(try users.optionalStrings("gender") == ["u", "m"])
        #expect(try users.optionalInt32s("age") == [nil, nil])
        #expect(try users.optionalInt32s("city_tier") == [nil, 1])
        #expect(try users.optionalStrings("registered") == [nil, "2024-12-31"])

        let items = try f.read(context, "items", DatasetSchemas.items)
        #expect(try items.int64s("item") == [1, 2])
        #expect(try items.optionalDoubles("price") == [nil, 19.99])

        let q = try f.quarantine(context)
        #expect(q.map(\.file) == ["dims/categories.jsonl", "dims/items.jsonl", "dims/queries.jsonl", "dims/users.jsonl", "dims/users.jsonl"])
        #expect(q.map(\.line) == [5, 3, 2, 3, 4])
        #expect(q[0].reason == "duplicate category id 30 (listed earlier in the file)")
        #expect(q[1].reason == "missing field 'title'")
        #expect(q[2].reason.contains("listed again with category 4"))
        #expect(q[3].reason.contains("field 'gender' is 'x'"))
        #expect(q[4].reason.contains("not a YYYY-MM-DD day"))

        let queries = try f.read(context, "queries", DatasetSchemas.queries)
        #expect(try queries.optionalStrings("query") == ["spade"])
        #expect(try queries.optionalInt64s("category") == [301])
    }

    @Test func duplicateIdsInSortedAndUnsortedFiles() throws {
        let f = LogIngestFixture()
        try f.writeDims("users.jsonl", [1, 2, 2, 5, 9, 5, 3].map { #"{"id":\#($0),"gender":"u"}"# })
        try f.writeDims("items.jsonl", [4, 7, 7, 8].map { #"{"id":\#($0),"category":1,"title":"t\#($0)"}"# })
        try f.writeDayFile("d.jsonl", [#"{"type":"app_open","user":1,"ts":\#(f.ts("00:00:01"))}"#])
        try f.markSuccess()
        let context = f.context(params: ["max_bad_fraction": 1.0])
        try f.run(context)
        #expect(try f.read(context, "users", DatasetSchemas.users).int64s("user") == [1, 2, 3, 5, 9])
        #expect(try f.read(context, "items", DatasetSchemas.items).int64s("item") == [4, 7, 8])
        let q = try f.quarantine(context)
        #expect(q.map { "\($0.file):\($0.line)" } == ["dims/items.jsonl:3", "dims/users.jsonl:3", "dims/users.jsonl:6"])
    }

    @Test func aLoopInTheCategoryTreeFails() throws {
        let f = LogIngestFixture()
        try f.writeDims("categories.jsonl", [#"{"id":1,"parent":2,"name":"a"}"#, #"{"id":2,"parent":1,"name":"b"}"#])
        try f.writeDayFile("d.jsonl", [#"{"type":"app_open","user":11,"ts":\#(f.ts("00:00:00"))}"#])
        try f.markSuccess()
        let error = #expect(throws: StageError.self) { try f.run(f.context()) }
        #expect(error?.message.contains("loops") == true)
    }
}
