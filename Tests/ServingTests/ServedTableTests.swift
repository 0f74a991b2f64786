import Foundation
import Hummingbird
import HummingbirdTesting
import LookupFormat
import Serving
import Testing

/// The in-memory table: lists by key, queries kept as escaped JSON bytes that read back exactly, and
/// answers that are valid JSON whatever the queries and triggers hold.
@Suite struct ServedTableTests {
    static let awkward = ["say \"hi\"", #"back\slash"#, "tab\there", "line\nbreak", "bell\u{07}", "帐篷 露营", "emoji 🏕️", "/", ""]

    @Test func listsReadBackTheirQueriesExactly() {
        let table = ServedTable(
            kind: .u2q, version: "2026-11-23-0123456789ab", sourceDay: "2026-11-23",
            observation: CurrentObservation(version: "2026-11-23-0123456789ab", folder: nil),
            lists: [(key: "7", entries: Self.awkward.map { LookupEntry(query: $0, score: 1) }), (key: "*", entries: [])])
        #expect(table.keys == 2)
        #expect(table.rows == Self.awkward.count)
        #expect(table.list("7")?.map(table.query) == Self.awkward)
        #expect(table.list("*")?.isEmpty == true)
        #expect(table.list("8") == nil)
    }

    @Test func answersAreValidJSONWithAwkwardQueriesAndTriggers() async throws {
        let fixture = ExportsFixture()
        try fixture.version("u2q", [("7", Self.awkward)])
        try fixture.version("x2q", [("search:\"quoted\"\ttab", ["lamp \"x\""])])
        let app = try fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=7&n=20&recent=search%3A%22quoted%22%09tab", method: .get)
            #expect(response.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
            let hints = try #require(object["hints"] as? [[String: String]])
            #expect(hints.map { $0["query"] ?? "?" } == Self.awkward + ["lamp \"x\""])
            #expect(hints.last?["trigger"] == "search:\"quoted\"\ttab")
        }
    }
}
