import Foundation
import Hummingbird
import HummingbirdTesting
import Serving
import Synchronization
import Testing

/// Following CURRENT: new versions are swapped in while requests keep being answered, broken ones
/// are refused (logged, counted, shown by /healthz) and the old version keeps serving.
@Suite struct ReloadTests {
    /// The u2q version served for user 7, read from a /v1/hints answer.
    static func served(_ response: TestResponse) -> String? {
        let body = String(buffer: response.body)
        guard let range = body.range(of: #""u2q":""#) else { return nil }
        return String(body[range.upperBound...].prefix(23))
    }

    @Test func publishAndRollbackTenTimesWhileAClientRequestsSeesOnly200sAndEverySwitchWithinASecond() async throws {
        let fixture = ExportsFixture()
        let a = try fixture.version("u2q", day: "2026-11-22", [("7", ["old tent"])])
        let b = try fixture.version("u2q", day: "2026-11-23", [("7", ["new tent"]), ("*", ["popular"])])
        let server = try fixture.server(poll: .milliseconds(200))
        #expect(server.store.snapshot.u2q?.version == b)

        let record = SwitchRecord()
        try await server.application().test(.live) { client in
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The publisher: 10 × (rollback to a, publish b), each once the client has seen the last.
                // A switch's time runs from the publish to the end of the server's load (taken by the
                // watcher's own thread), so a busy test machine cannot stretch it.
                group.addTask {
                    for _ in 0..<10 {
                        for target in [a, b] {
                            if target == a { try fixture.rollback("u2q") } else { try fixture.publish("u2q", b) }
                            record.wanted.withLock { $0 = (target, .now) }
                            let deadline = ContinuousClock.now + .seconds(30)
                            while record.wanted.withLock({ $0 != nil }) {
                                guard ContinuousClock.now < deadline else {
                                    throw ServingTestError("the client did not see \(target) within 30 s")
                                }
                                try await Task.sleep(for: .milliseconds(10))
                            }
                        }
                    }
                }
                // The client: requests without pause until the publisher is done.
                group.addTask {
                    while true {
                        let response = try await client.execute(uri: "/v1/hints?user=7&n=3", method: .get)
                        record.statuses.withLock { $0[Int(response.status.code), default: 0] += 1 }
                        let version = Self.served(response)
                        record.wanted.withLock { pending in
                            if let target = pending, version == target.version, let served = server.store.snapshot.u2q {
                                record.switches.withLock { $0.append(served.loaded - target.since) }
                                pending = nil
                            }
                        }
                        try Task.checkCancellation()
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
        let seen = record.statuses.withLock { $0 }
        #expect(Array(seen.keys) == [200], "\(seen)")
        #expect((seen[200] ?? 0) > 100, "\(seen)")
        let times = record.switches.withLock { $0 }
        #expect(times.count == 20)
        #expect(times.allSatisfy { $0 < .seconds(1) }, "\(times)")
        let metrics = String(decoding: server.metrics.render(), as: UTF8.self)
        #expect(metrics.contains(#"aigq_table_reloads_total{table="u2q",outcome="loaded"} 21"#), "\(metrics)")
    }

    @Test func aBrokenVersionIsRefusedLoggedAndTheOldOneKeepsServing() async throws {
        let fixture = ExportsFixture()
        let good = try fixture.version("u2q", day: "2026-11-22", [("7", ["tent"])])
        let log = LogCapture()
        let server = try fixture.server(log: log)
        let broken = try fixture.version("u2q", day: "2026-11-23", [("7", ["broken"])], publish: false)
        try fixture.corrupt("u2q", broken)
        try fixture.pointCurrent("u2q", to: broken)

        #expect(server.watcher.poll(.u2q) == false)
        #expect(server.store.snapshot.u2q?.version == good)
        let refusal = try #require(server.store.refusals[.u2q])
        #expect(refusal.observation.version == broken)
        #expect(refusal.reason.hasPrefix("version \(broken) of table u2q is broken: lookup.sqlite has sha256 "))
        let errors = log.messages.filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error: refused u2q \(broken): version \(broken) of table u2q is broken") == true)
        #expect(errors.first?.hasSuffix("; still serving \(good)") == true)

        // Not tried again (nor logged again) while CURRENT names the same broken folder.
        #expect(server.watcher.poll(.u2q) == false)
        #expect(log.messages.filter { $0.hasPrefix("error: ") }.count == 1)

        try await server.application().test(.router) { client in
            let hints = try await client.execute(uri: "/v1/hints?user=7", method: .get)
            #expect(hints.status == .ok)
            #expect(String(buffer: hints.body).contains(#"{"query":"tent","source":"u2q"}"#))
            let health = String(buffer: try await client.execute(uri: "/healthz", method: .get).body)
            #expect(health.contains(#""refused":{"u2q":{"version":"\#(broken)","reason":"version \#(broken) of table u2q is broken: lookup.sqlite has sha256 "#))
        }
        let metrics = String(decoding: server.metrics.render(), as: UTF8.self)
        #expect(metrics.contains(#"aigq_table_reloads_total{table="u2q",outcome="refused"} 1"#))

        // Rolling back to the good version clears the refusal.
        try fixture.rollback("u2q")
        #expect(server.watcher.poll(.u2q) == false)
        #expect(server.store.snapshot.u2q?.version == good)
        #expect(server.store.refusals[.u2q] == nil)
    }

    @Test func aVersionWithAMissingFileOrAnInvalidCurrentIsRefused() async throws {
        let fixture = ExportsFixture()
        let good = try fixture.version("u2q", day: "2026-11-22", [("7", ["tent"])])
        let server = try fixture.server()
        let missing = try fixture.version("u2q", day: "2026-11-23", [("7", ["gone"])], publish: false)
        try FileManager.default.removeItem(atPath: "\(fixture.exports)/u2q/\(missing)/lookup.sqlite")
        try fixture.pointCurrent("u2q", to: missing)
        #expect(server.watcher.poll(.u2q) == false)
        #expect(server.store.refusals[.u2q]?.reason == "version \(missing) of table u2q is broken: lookup.sqlite is missing; export it again or publish another version")

        try "../../../etc\n".write(toFile: "\(fixture.exports)/u2q/CURRENT", atomically: true, encoding: .utf8)
        #expect(server.watcher.poll(.u2q) == false)
        #expect(server.store.refusals[.u2q]?.reason == "'\(fixture.exports)/u2q/CURRENT' holds '../../../etc', not a version name; run aigq publish --table u2q --version VERSION")
        #expect(server.store.snapshot.u2q?.version == good)
    }

    @Test func aVersionFolderLeadingOutsideTheExportsFolderIsRefused() async throws {
        let fixture = ExportsFixture()
        let good = try fixture.version("u2q", day: "2026-11-22", [("7", ["tent"])])
        let server = try fixture.server()
        // A complete, valid version moved outside the exports and linked back in under its name.
        let outside = try fixture.version("u2q", day: "2026-11-23", [("7", ["elsewhere"])], publish: false)
        try FileManager.default.moveItem(atPath: "\(fixture.exports)/u2q/\(outside)", toPath: "\(fixture.root)/\(outside)")
        try FileManager.default.createSymbolicLink(atPath: "\(fixture.exports)/u2q/\(outside)", withDestinationPath: "\(fixture.root)/\(outside)")
        try fixture.pointCurrent("u2q", to: outside)
        #expect(server.watcher.poll(.u2q) == false)
        let reason = try #require(server.store.refusals[.u2q]?.reason)
        #expect(reason.hasSuffix("outside the exports folder '\(try realPath(fixture.exports))'; only files under it are served"), "\(reason)")
        #expect(server.store.snapshot.u2q?.version == good)
    }

    @Test func anOptionalTableIsServedOnceItAppearsAndAMendedVersionIsTriedAgain() async throws {
        let fixture = ExportsFixture()
        try fixture.version("u2q", [("7", ["tent"])])
        let server = try fixture.server()
        #expect(server.store.snapshot.x2q == nil)

        let x2q = try fixture.version("x2q", [("item:1", ["lamp"])], publish: false)
        try fixture.corrupt("x2q", x2q)
        try fixture.pointCurrent("x2q", to: x2q)
        #expect(server.watcher.poll(.x2q) == false)
        #expect(server.store.refusals[.x2q] != nil)

        // The export stage replaces a broken folder of the same name with a fresh copy (a new folder).
        #expect(try fixture.version("x2q", [("item:1", ["lamp"])], publish: false) == x2q)
        #expect(server.watcher.poll(.x2q) == true)
        #expect(server.store.snapshot.x2q?.version == x2q)
        #expect(server.store.refusals[.x2q] == nil)
    }

    @Test func aServerDoesNotStartWithoutAU2QItCanServe() async throws {
        let fixture = ExportsFixture()
        let empty = #expect(throws: ServingError.self) { try fixture.server() }
        #expect(empty?.message == "cannot serve u2q: '\(fixture.exports)/u2q/CURRENT' does not exist; run the pipeline (`aigq run`) so its export stage publishes u2q")

        let broken = try fixture.version("u2q", [("7", ["tent"])])
        try fixture.corrupt("u2q", broken, file: "table.parquet")
        let refused = #expect(throws: ServingError.self) { try fixture.server() }
        #expect(refused?.message.hasPrefix("cannot serve u2q: version \(broken) of table u2q is broken: table.parquet has sha256 ") == true)

        let nowhere = #expect(throws: ServingError.self) {
            try LookupServer(configuration: ServingConfiguration(workspace: fixture.root + "/none"), logger: LogCapture().logger)
        }
        #expect(nowhere?.message == "no exports folder at '\(fixture.root)/none/exports'; run the pipeline (`aigq run`) so its export stage writes one, or pass --workspace")

        // Started without u2q (a library user's choice), /v1/hints says why with a 503.
        let server = try fixture.server(requireU2Q: false)
        try await server.application().test(.router) { client in
            let response = try await client.execute(uri: "/v1/hints?user=7", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body) == #"{"error":"no u2q table is loaded; publish one (aigq run, aigq publish) and retry","parameter":null}"#)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .serviceUnavailable)
        }
    }

    private func realPath(_ path: String) throws -> String {
        try #require(URL(fileURLWithPath: path).resolvingSymlinksInPath().path as String?)
    }
}

/// What the reload test's client saw: statuses, and how long each switch took to be seen.
final class SwitchRecord: Sendable {
    let statuses = Mutex<[Int: Int]>([:])
    let switches = Mutex<[Duration]>([])
    /// The version the publisher switched to and when, until the client sees it.
    let wanted = Mutex<(version: String, since: ContinuousClock.Instant)?>(nil)
}

/// A test failure with a message.
struct ServingTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
