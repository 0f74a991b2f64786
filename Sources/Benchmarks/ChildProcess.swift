import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs one measurement process with `posix_spawn` and reaps it with `wait4`, whose `rusage`
/// gives the child's own peak resident set size. Standard output and error go to files in a
/// scratch folder (no pipes, so a chatty child cannot block).
struct ChildProcess {
    /// How a child ended and what it printed.
    struct Outcome {
        /// The exit code, or `128 + signal` when it was killed.
        var exitCode: Int32
        /// Everything it printed on standard output.
        var standardOutput: String
        /// Everything it printed on standard error.
        var standardError: String
        /// Its peak resident set size in bytes (`ru_maxrss`).
        var peakRSSBytes: Int
        /// Wall-clock seconds from spawn to exit (process start and imports included).
        var wallSeconds: Double
        /// CPU seconds the child used, user plus system (`ru_utime + ru_stime`; process start and imports included).
        var cpuSeconds: Double = 0
    }

    /// The program and its arguments.
    var arguments: [String]
    /// Extra environment variables on top of ours.
    var environment: [String: String] = [:]

    /// Spawns the child, waits for it, and returns its outcome; `scratch` is a folder for its output.
    func run(scratch: String) throws -> Outcome {
        guard let program = arguments.first else { throw BenchmarkError("no program to run") }
        let outPath = scratch + "/child.stdout"
        let errPath = scratch + "/child.stderr"
        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn(stdout: outPath, stderr: errPath)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else {
                throw BenchmarkError("waiting for '\(program)' failed: \(String(cString: strerror(errno)))")
            }
        }
        let wall = (clock.now - start).seconds
        let signal = status & 0x7F
        let exitCode = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return Outcome(
            exitCode: exitCode,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakRSSBytes: Int(usage.ru_maxrss) * 1024,  // Linux reports KiB
            wallSeconds: wall,
            cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
    }

    /// Starts the child with its standard output and error going to the files `stdout` and `stderr`;
    /// returns its process id (reap it with `wait4`).
    func spawn(stdout: String, stderr: String) throws -> pid_t {
        guard let program = arguments.first else { throw BenchmarkError("no program to run") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard rc == 0 else {
            throw BenchmarkError("cannot start '\(program)': \(String(cString: strerror(rc))); check the path")
        }
        return pid
    }

    /// The command line as one could paste it into a shell (for error messages).
    var commandLine: String {
        arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
