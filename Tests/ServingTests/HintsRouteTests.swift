import Foundation
import Hummingbird
import HummingbirdTesting
import Serving
import Testing

/// The routes through HummingbirdTesting's router client: exact JSON bodies of /v1/hints for known
/// and unknown users, with and without x2q and popular, the 400 bodies, /healthz, /v1/ping, /metrics.
@Suite struct HintsRouteTests {
    /// u2q (users 7 and 8, a default list), x2q (two triggers), popular: one version each.
    final class Tables: Sendable {
        let fixture = ExportsFixture()
        let u2q: String
        let x2q: String
        let popular: String

        init(x2q withX2Q: Bool = true, popular withPopular: Bool = true) throws {
            u2q = try fixture.version("u2q", [
                ("7", ["帐篷", "睡袋", "登山鞋"]), ("8", ["rain boots"]), ("*", ["model default", "tent"]),
            ])
            x2q = withX2Q
                ? try fixture.version("x2q", [("search:帐篷", ["露营灯", "睡袋", "防潮垫"]), ("item:42", ["tent", "帐篷"])]) : ""
            popular = withPopular ? try fixture.version("popular", [("*", ["tent", "rain boots", "umbrella", "帐篷"])]) : ""
        }
    }

    static func body(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test func knownUserGetsTheirListThenTheTriggersListsDeduplicated() async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=7&n=5&recent=search%3A%E5%B8%90%E7%AF%B7,item:42", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.body(response) == """
                {"user":"7","known_user":true,"n":5,"hints":[{"query":"帐篷","source":"u2q"},{"query":"睡袋","source":"u2q"},\
                {"query":"登山鞋","source":"u2q"},{"query":"露营灯","source":"x2q","trigger":"search:帐篷"},\
                {"query":"防潮垫","source":"x2q","trigger":"search:帐篷"}],"versions":{"u2q":"\(tables.u2q)","x2q":"\(tables.x2q)"}}
                """)
        }
    }

    @Test func unknownUserIsToppedUpWithTheDaysPopularQueries() async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=99&n=4&recent=item%3A42", method: .get)
            #expect(response.status == .ok)
            #expect(Self.body(response) == """
                {"user":"99","known_user":false,"n":4,"hints":[{"query":"tent","source":"x2q","trigger":"item:42"},\
                {"query":"帐篷","source":"x2q","trigger":"item:42"},{"query":"rain boots","source":"popular"},\
                {"query":"umbrella","source":"popular"}],"versions":{"u2q":"\(tables.u2q)","x2q":"\(tables.x2q)","popular":"\(tables.popular)"}}
                """)
        }
    }

    @Test func withoutPopularAnUnknownUserGetsU2QsDefaultListAndWithoutX2QTriggersAreIgnored() async throws {
        let tables = try Tables(x2q: false, popular: false)
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=5&recent=item:42", method: .get)
            #expect(Self.body(response) == """
                {"user":"5","known_user":false,"n":10,"hints":[{"query":"model default","source":"default"},\
                {"query":"tent","source":"default"}],"versions":{"u2q":"\(tables.u2q)"}}
                """)
        }
    }

    @Test func aKnownUserIsNotToppedUpAndNCutsTheList() async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let short = try await client.execute(uri: "/v1/hints?user=8", method: .get)
            #expect(Self.body(short) == """
                {"user":"8","known_user":true,"n":10,"hints":[{"query":"rain boots","source":"u2q"}],"versions":{"u2q":"\(tables.u2q)"}}
                """)
            let cut = try await client.execute(uri: "/v1/hints?user=7&n=1&recent=item:42", method: .get)
            #expect(Self.body(cut) == """
                {"user":"7","known_user":true,"n":1,"hints":[{"query":"帐篷","source":"u2q"}],"versions":{"u2q":"\(tables.u2q)"}}
                """)
        }
    }

    @Test(arguments: [
        ("/v1/hints", #"{"error":"user is missing; pass the user id, e.g. /v1/hints?user=42","parameter":"user"}"#),
        ("/v1/hints?user=7&n=500", #"{"error":"n is '500'; ask for 1…100 hints (default 10)","parameter":"n"}"#),
        ("/v1/hints?user=../../etc/passwd", #"{"error":"user is '../../etc/passwd'; pass a user id of decimal digits (0…9223372036854775807)","parameter":"user"}"#),
        ("/v1/hints?user=7&recent=a,b,c,d,e,f,g,h,i,j,k", #"{"error":"recent has 11 triggers, more than 10; send the 10 most recent","parameter":"recent"}"#),
        ("/v1/hints?user=7&recent=" + String(repeating: "%41", count: 1400),
         #"{"error":"the query string has 4214 bytes, more than 4096; send fewer or shorter recent triggers","parameter":"recent"}"#),
    ])
    func badRequestsGet400WithAJSONErrorNamingTheParameter(_ uri: String, _ expected: String) async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.body(response) == expected)
        }
    }

    @Test func aTriggerThatLooksLikeAPathIsOnlyAKey() async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=8&recent=..%2F..%2F..%2Fetc%2Fpasswd,%2Fetc%2Fshadow", method: .get)
            #expect(response.status == .ok)
            #expect(Self.body(response).contains(#""hints":[{"query":"rain boots","source":"u2q"}]"#))
        }
    }

    @Test func healthzNamesTheServedVersionsAndPingAnswersPong() async throws {
        let tables = try Tables(x2q: false)
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(Self.body(health) == """
                {"status":"ok","tables":{"u2q":{"version":"\(tables.u2q)","source_day":"2026-11-23","rows":6,"keys":3},\
                "popular":{"version":"\(tables.popular)","source_day":"2026-11-23","rows":4,"keys":1}},"refused":{}}
                """)
            let ping = try await client.execute(uri: "/v1/ping", method: .get)
            #expect(Self.body(ping) == "pong\n")
        }
    }

    @Test func metricsCountRequestsByRouteAndStatusAndDescribeTheTables() async throws {
        let tables = try Tables()
        let app = try tables.fixture.server().application()
        try await app.test(.router) { client in
            for _ in 0..<3 { _ = try await client.execute(uri: "/v1/hints?user=7", method: .get) }
            _ = try await client.execute(uri: "/v1/hints?user=x", method: .get)
            _ = try await client.execute(uri: "/nowhere", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(Self.body(response).split(separator: "\n").map(String.init))
            for expected in [
                #"aigq_http_requests_total{route="/v1/hints",status="200"} 3"#,
                #"aigq_http_requests_total{route="/v1/hints",status="400"} 1"#,
                #"aigq_http_requests_total{route="unmatched",status="404"} 1"#,
                #"aigq_http_request_duration_seconds_count{route="/v1/hints"} 4"#,
                #"aigq_table_info{table="u2q",version="\#(tables.u2q)",source_day="2026-11-23"} 1.0"#,
                #"aigq_table_rows{table="u2q"} 6.0"#,
                #"aigq_table_keys{table="x2q"} 2.0"#,
                #"aigq_table_reloads_total{table="u2q",outcome="loaded"} 1"#,
                #"aigq_table_reloads_total{table="u2q",outcome="refused"} 0"#,
                "# TYPE aigq_http_request_duration_seconds histogram",
            ] {
                #expect(lines.contains(expected), "\(expected)")
            }
        }
    }
}
