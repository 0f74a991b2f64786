import Foundation

/// One run of wrk (Debian's `wrk`, the HTTP load generator) and what it measured, read from the JSON
/// line its Lua `done` hook prints (``script(paths:)``).
struct WrkRun: Sendable {
    /// Requests completed.
    var requests: Int
    /// The run's length in seconds.
    var seconds: Double
    /// Responses outside 2xx and 3xx.
    var statusErrors: Int
    /// Connect, read and write errors and timeouts.
    var socketErrors: Int
    /// Latency percentiles in milliseconds.
    var p50: Double
    var p90: Double
    var p99: Double
    /// Bytes read.
    var bytes: Int

    /// Requests per second.
    var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }

    /// The wrk Lua script: every thread sends `paths` in turn (each from its own starting point),
    /// and `done` prints one JSON line with the counts and latency percentiles.
    static func script(paths: [String]) -> String {
        let list = paths.map { "  \"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return """
            -- aigq bench serve: rotate over the request paths; print the summary as JSON.
            local paths = {
            \(list.joined(separator: ",\n"))
            }
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("offset", threads * 7919)
            end
            function init(args)
              i = (offset or 0) % #paths
            end
            function request()
              i = i + 1
              if i > #paths then i = 1 end
              return wrk.format("GET", paths[i])
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format('{"requests":%d,"duration_us":%d,"status_errors":%d,"socket_errors":%d,' ..
                '"p50_us":%d,"p90_us":%d,"p99_us":%d,"bytes":%d}\\n',
                summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), summary.bytes))
            end

            """
    }

    /// Runs wrk against `url` with `script` and parses its summary; throws with wrk's output when it fails.
    static func run(
        wrk: String, url: String, script: String, seconds: Int, connections: Int, threads: Int, scratch: String
    ) throws -> WrkRun {
        let child = ChildProcess(arguments: [
            wrk, "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "--timeout", "5s", "-s", script, url,
        ])
        let outcome = try child.run(scratch: scratch)
        guard outcome.exitCode == 0,
            let line = outcome.standardOutput.split(separator: "\n").last(where: { $0.hasPrefix("{\"requests\"") }),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw BenchmarkError("wrk exited with status \(outcome.exitCode) without a summary:\n\(outcome.standardOutput)\(outcome.standardError)\nrun it by hand: \(child.commandLine)")
        }
        func int(_ key: String) -> Int { (object[key] as? NSNumber)?.intValue ?? 0 }
        return WrkRun(
            requests: int("requests"), seconds: Double(int("duration_us")) / 1e6, statusErrors: int("status_errors"),
            socketErrors: int("socket_errors"), p50: Double(int("p50_us")) / 1000, p90: Double(int("p90_us")) / 1000,
            p99: Double(int("p99_us")) / 1000, bytes: int("bytes"))
    }

    /// wrk's path, or `nil` when it is not installed.
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map { "\($0)/wrk" } + ["/usr/bin/wrk"]).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// wrk's version line (`wrk 4.1.0 [epoll] …` → `4.1.0`).
    static func version(_ wrk: String, scratch: String) -> String {
        let outcome = try? ChildProcess(arguments: [wrk, "-v"]).run(scratch: scratch)
        let text = (outcome?.standardOutput ?? "") + (outcome?.standardError ?? "")
        return text.split(separator: " ").dropFirst().first.map(String.init) ?? "unknown"
    }
}
