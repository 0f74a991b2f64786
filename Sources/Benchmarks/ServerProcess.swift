import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A server started as a child process (`posix_spawn`), its output going to files in a scratch
/// folder, watched until it prints the line announcing its port, and stopped with SIGTERM; `wait4`
/// then gives its exit status and peak resident set size.
final class ServerProcess {
    /// The child's process id.
    let pid: pid_t
    /// The port it announced.
    private(set) var port = 0
    private let outPath: String
    private let errPath: String
    private let commandLine: String
    private var reaped = false

    /// Starts `arguments` with its output in `scratch`.
    init(arguments: [String], scratch: String) throws {
        outPath = scratch + "/server.stdout"
        errPath = scratch + "/server.stderr"
        let child = ChildProcess(arguments: arguments)
        commandLine = child.commandLine
        pid = try child.spawn(stdout: outPath, stderr: errPath)
    }

    deinit {
        if !reaped {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Waits until the server prints `http://HOST:PORT` on stdout (at most `timeout`); returns the port.
    func waitUntilListening(timeout: Duration = .seconds(120)) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            if let range = out.range(of: #"http://[^:\s]+:(\d+)"#, options: .regularExpression),
                let port = Int(out[range].split(separator: ":").last ?? "")
            {
                self.port = port
                return port
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                reaped = true
                throw BenchmarkError("the server exited before listening:\n\(tail(errPath))\nrun it by hand to see why: \(commandLine)")
            }
            usleep(20_000)
        }
        throw BenchmarkError("the server did not listen within \(timeout):\n\(tail(errPath))")
    }

    /// CPU seconds the server has used so far (user + system, from /proc/<pid>/stat).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends SIGTERM and waits (at most `timeout`, then SIGKILL); returns the exit code (128 + signal
    /// when killed), the peak RSS in bytes and the end of its stderr.
    func stop(timeout: Duration = .seconds(20)) -> (exitCode: Int32, peakRSSBytes: Int, stderr: String) {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if ContinuousClock.now > deadline { kill(pid, SIGKILL) }
            usleep(10_000)
        }
        reaped = true
        let signal = status & 0x7F
        return (signal == 0 ? (status >> 8) & 0xFF : 128 + signal, Int(usage.ru_maxrss) * 1024, tail(errPath))
    }

    private func tail(_ path: String) -> String {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").suffix(12).joined(separator: "\n")
    }
}
