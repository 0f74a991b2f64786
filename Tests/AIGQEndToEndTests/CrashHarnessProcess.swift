import Foundation

/// An `aigq` process started as the leader of a new session, so that it and everything it starts
/// can be killed together, as a crash of the machine or an OOM kill would end them.
///
/// Why a session: Foundation's `Process` (which `aigq` uses to start its `sh -c` commands) puts every
/// child in a process group of its own, so `kill(-pgid)` of `aigq`'s group would leave the running
/// commands alive, still writing into the temporary folders of the dead run. A session survives
/// that: `setpgid` cannot leave it, and orphans re-parented to init keep it. `posix_spawn` with
/// glibc's `POSIX_SPAWN_SETSID` starts `aigq` directly as a session leader, so its pid is both the pid
/// the workspace lock names and the session id (`/usr/bin/setsid` would fork here, because
/// Foundation also makes its children group leaders, and the pid we hold would be the wrapper's).
///
/// ``killSession()`` SIGKILLs `aigq` first (the moment of the "crash"), reaps it, then SIGKILLs every
/// process still in its session, again and again until none is left (a shell may fork between two
/// sweeps), so no stray command keeps writing after the kill.
final class SessionProcess {
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)
        var description: String {
            switch self {
            case .exited(let code): "exit \(code)"
            case .signaled(let signal): "signal \(signal)"
            }
        }
    }

    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    private(set) var termination: Termination?

    /// Starts `executable arguments…` in a new session, stdin from /dev/null, stdout and stderr into files.
    init(_ executable: String, _ arguments: [String], stdout: String, stderr: String) throws {
        stdoutPath = stdout
        stderrPath = stderr
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let setsid: Int32 = 0x80  // glibc's POSIX_SPAWN_SETSID (behind __USE_GNU, so not imported)
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD, SIGALRM, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Do not leak the test process's other descriptors (pipes of other tests' processes) into aigq.
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard rc == 0 else {
            throw CrashHarnessError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), looked up at run time.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Blocks until the process ends.
    @discardableResult
    func wait() -> Termination {
        if let termination { return termination }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                termination = .exited(-1000 - errno)  // ECHILD: somebody else reaped it
                return termination!
            }
        }
        termination = Self.decode(status)
        return termination!
    }

    /// The termination if the process has ended, else nil (does not block).
    func poll() -> Termination? {
        if let termination { return termination }
        var status: Int32 = 0
        let rc = waitpid(pid, &status, WNOHANG)
        if rc == pid { termination = Self.decode(status) }
        if rc < 0 && errno == ECHILD { termination = .exited(-1000 - ECHILD) }
        return termination
    }

    /// Waits at most `seconds`; returns the termination or nil.
    func wait(atMost seconds: Double) -> Termination? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let done = poll() { return done }
            usleep(2_000)
        }
        return poll()
    }

    /// SIGKILLs only `aigq` (its commands live on, as after an OOM kill of the runner alone), and reaps it.
    func killLeaderOnly() {
        kill(pid, SIGKILL)
        wait()
    }

    /// SIGKILLs `aigq`, reaps it, then kills every process left in its session until none remains.
    /// Returns how many other processes (commands, their children) were killed; throws if some survive.
    @discardableResult
    func killSession() throws -> Int {
        kill(pid, SIGKILL)
        wait()
        var killed = Set<pid_t>()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            let members = Self.sessionMembers(pid)
            if members.isEmpty { return killed.count }
            for member in members {
                kill(member, SIGKILL)
                killed.insert(member)
            }
            usleep(1_000)
        }
        throw CrashHarnessError("processes of session \(pid) survive SIGKILL: \(Self.sessionMembers(pid))")
    }

    /// Live (not zombie) processes whose session id is `sid`, from /proc/<pid>/stat.
    static func sessionMembers(_ sid: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var out: [pid_t] = []
        for name in names {
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm) ": state ppid pgrp session …
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, let session = pid_t(fields[3]) else { continue }
            if session == sid && fields[0] != "Z" && fields[0] != "X" { out.append(pid) }
        }
        return out
    }

    /// Contents of the stdout file.
    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    /// Contents of the stderr file.
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    private static func decode(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }
}

/// A harness failure (not a finding about aigq).
struct CrashHarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// SplitMix64: a small seeded generator, so a failing run can be replayed with its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
