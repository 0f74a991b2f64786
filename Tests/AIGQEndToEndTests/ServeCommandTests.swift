import Foundation
import LookupFormat
import Testing

/// `aigq serve` and `aigq bench serve` run as a user runs them, on a temp workspace holding u2q
/// versions made through LookupFormat (``PublishCommandTests/Workspace``).
@Suite struct ServeCommandTests {
    static let wrkInstalled = ["/usr/bin/wrk", "/usr/local/bin/wrk"].contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func servesHintsFollowsARollbackWithinASecondAndStopsOnSIGTERM() throws {
        let ws = try PublishCommandTests.Workspace()
        let v = ws.versions
        let dir = TemporaryDirectory("serve")
        let server = try ServeProcess(["--workspace", ws.path, "--port", "0", "--poll-ms", "100"], dir: dir)
        _ = try server.waitUntilListening()
        #expect(server.stdout == "aigq serve: listening on http://127.0.0.1:\(server.port) (u2q \(v[2]))\n")

        let known = try server.get("/v1/hints?user=7")
        #expect(known.status == 200)
        #expect(known.body == #"{"user":"7","known_user":true,"n":10,"hints":[{"query":"rain boots 2026-11-23","source":"u2q"},{"query":"tent","source":"u2q"}],"versions":{"u2q":"\#(v[2])"}}"#)
        let unknown = try server.get("/v1/hints?user=8&n=1")
        #expect(unknown.body == #"{"user":"8","known_user":false,"n":1,"hints":[{"query":"帐篷","source":"default"}],"versions":{"u2q":"\#(v[2])"}}"#)
        let bad = try server.get("/v1/hints?user=7&n=0")
        #expect(bad.status == 400)
        #expect(bad.body == #"{"error":"n is '0'; ask for 1…100 hints (default 10)","parameter":"n"}"#)
        #expect(try server.get("/healthz").status == 200)

        // aigq publish --rollback is seen within a second.
        let rollback = try AIGQBinary.run(["publish", "--workspace", ws.path, "--table", "u2q", "--rollback"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        let switched = ContinuousClock.now
        var seen = ""
        while ContinuousClock.now - switched < .seconds(3) {
            seen = try server.get("/v1/hints?user=7").body
            if seen.contains(v[1]) { break }
            usleep(10_000)
        }
        let elapsed = ContinuousClock.now - switched
        #expect(seen.contains(#"{"query":"rain boots 2026-11-22","source":"u2q"}"#), "\(seen)")
        #expect(elapsed < .seconds(1), "the rollback was seen after \(elapsed)")

        let metrics = try server.get("/metrics").body
        #expect(metrics.contains(#"aigq_table_reloads_total{table="u2q",outcome="loaded"} 2"#), "\(metrics)")
        #expect(metrics.contains(#"aigq_http_requests_total{route="/v1/hints",status="400"} 1"#))

        #expect(server.terminate() == 0, "\(server.stderr)")
        #expect(server.stderr.contains("serving u2q \(v[2])"), "\(server.stderr)")
        #expect(server.stderr.contains("serving u2q \(v[1])"), "\(server.stderr)")
    }

    @Test func refusesToStartWithoutATableToServe() throws {
        let empty = TemporaryDirectory("serve-empty")
        let none = try AIGQBinary.run(["serve", "--workspace", empty.path, "--port", "0"])
        #expect(none.status == 1)
        #expect(none.stderr.hasSuffix("Error: no exports folder at '\(empty.path)/exports'; run the pipeline (`aigq run`) so its export stage writes one, or pass --workspace\n"), "\(none.stderr)")

        let ws = try PublishCommandTests.Workspace(days: ["2026-11-21"])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: "\(ws.exports)/u2q/\(ws.versions[0])/lookup.sqlite"))
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: URL(fileURLWithPath: "\(ws.exports)/u2q/\(ws.versions[0])/lookup.sqlite"))
        let broken = try AIGQBinary.run(["serve", "--workspace", ws.path, "--port", "0"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Error: cannot serve u2q: version \(ws.versions[0]) of table u2q is broken: lookup.sqlite has sha256 "), "\(broken.stderr)")

        let badLevel = try AIGQBinary.run(["serve", "--workspace", ws.path, "--log-level", "loud"])
        #expect(badLevel.status != 0)
        #expect(badLevel.stderr.hasPrefix("Error: --log-level must be one of trace, debug, info, notice, warning, error, critical (got 'loud')\n"))
    }

    @Test func helpNamesTheRoutesAndTheReloadRule() throws {
        let help = try AIGQBinary.run(["serve", "--help"])
        #expect(help.status == 0)
        for text in ["GET /v1/hints?user=<id>&n=<n>&recent=<trigger>,<trigger>", "GET /healthz", "GET /metrics", "--poll-ms", "refused"] {
            #expect(help.stdout.contains(text), "\(text)")
        }
    }

    /// A bounded load test: wrk on loopback against /v1/hints and /v1/ping of one `aigq serve`
    /// (through `aigq bench serve`), every response 2xx and a clean stop.
    @Test(.enabled(if: wrkInstalled, "wrk is not installed (apt-get install -y wrk; .ci/ensure-packages.sh installs it): the load test is skipped"))
    func loadTestWithWrkSeesOnly2xxAndACleanStop() throws {
        let dir = TemporaryDirectory("serve-bench")
        let result = try AIGQBinary.run([
            "bench", "serve", "--seconds", "2", "--reps", "1", "--connections", "16", "--users", "500", "--dir", dir.path, "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["bench"] as? String == "serve")
        #expect(report["checks_passed"] as? Bool == true, "\(result.stdout)")
        #expect(report["server_exit_code"] as? Int == 0)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.map { $0["work"] as? String } == ["GET /v1/ping, 16 connections", "GET /v1/hints, 16 connections"])
        for row in rows {
            #expect((row["throughput"] as? Double ?? 0) > 100, "\(row)")
            #expect(row["status_errors"] as? Int == 0, "\(row)")
            #expect(row["socket_errors"] as? Int == 0, "\(row)")
        }
        #expect(result.stderr.contains("goal: /v1/hints ≥ 0.8× the /v1/ping ceiling"))
    }
}

extension ServeCommandTests {
    /// Serves the exports of `workspace` (made by the main job) and checks that a user of u2q gets
    /// their own list and an unknown user the day's popular queries (the popular table).
    static func checkServes(workspace: String) throws {
        let dir = TemporaryDirectory("serve-mainjob")
        let server = try ServeProcess(["--workspace", workspace, "--port", "0"], dir: dir)
        _ = try server.waitUntilListening()
        let u2q = try ExportFolder(exports: workspace + "/exports", table: "u2q").loadCurrent()
        var user: String?
        try u2q.lookup.forEach { key, _ in if user == nil, Int64(key) != nil { user = key } }
        let known = try server.get("/v1/hints?user=\(try #require(user))&n=5")
        #expect(known.status == 200)
        #expect(known.body.contains(#""known_user":true"#) && known.body.contains(#""source":"u2q""#), "\(known.body)")
        let unknown = try server.get("/v1/hints?user=999999999&n=5")
        #expect(unknown.body.contains(#""known_user":false"#) && unknown.body.contains(#""source":"popular""#), "\(unknown.body)")
        #expect(unknown.body.contains(#""popular":"\#(try String(contentsOfFile: workspace + "/exports/popular/CURRENT", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))""#))
        #expect(server.terminate() == 0, "\(server.stderr)")
    }
}
