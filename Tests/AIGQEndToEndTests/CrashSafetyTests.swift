import Foundation
import Testing

/// Crash safety of `aigq run`, as the built binary runs it: SIGKILL at random moments, rerun, and
/// compare with an uninterrupted run; a second run on a held workspace; a lock left by a killed run.
///
/// Long mode: `AIGQ_CRASH_ITERATIONS=5000 swift test --filter CrashSafetyTests` (default 50 kills,
/// about a minute on 2 cores). `AIGQ_CRASH_SEED=<n>` replays a seed; the seed is printed at the
/// start, in every failure, and in the summary line. A failing workspace is copied to
/// `/tmp/aigq-crash-failure-<seed>-<kill>` for inspection.
@Suite(.serialized) struct CrashSafetyTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Kill loop (see ``CrashKillLoop`` for the exact invariants).
    @Test func killedAtRandomMomentsAndRerunMatchesAnUninterruptedRun() throws {
        let iterations = Int(Self.environment["AIGQ_CRASH_ITERATIONS"] ?? "") ?? 50
        let seed = UInt64(Self.environment["AIGQ_CRASH_SEED"] ?? "") ?? UInt64.random(in: 1...999_999_999)
        print("CrashSafetyTests: seed \(seed), \(iterations) kills (replay with AIGQ_CRASH_SEED=\(seed))")
        let loop = try CrashKillLoop(seed: seed)
        try loop.run(kills: iterations)
        print("CrashSafetyTests: seed \(seed): \(loop.summary)")
    }

    /// A second `aigq run` fails at once (exit 1) naming the holder's pid; `--wait` waits for the
    /// holder to finish, then runs (everything fresh); `aigq status` works during a run.
    @Test func secondRunIsRefusedAtOnceNamingTheHolderAndWaitWaits() throws {
        let dir = TemporaryDirectory("crash-lock")
        let (pipeline, workspace) = try CrashWorkspace.create(in: dir.path, pipelineText: CrashWorkspace.slowPipeline)
        let common = ["--pipeline", pipeline, "--workspace", workspace]
        let holder = try SessionProcess(AIGQBinary.path, ["run", "-p", "slow.seconds=2"] + common, stdout: dir.file("a.out"), stderr: dir.file("a.err"))
        defer { if holder.poll() == nil { _ = try? holder.killSession() } }
        try Self.waitForLockHolder(workspace, pid: holder.pid)

        let started = Date()
        let refused = try AIGQBinary.run(["run", "-p", "slow.seconds=2"] + common)
        let refusedAfter = Date().timeIntervalSince(started)
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("is in use by another aigq run (pid \(holder.pid), started "), "\(refused.stderr)")
        #expect(refused.stderr.contains("pass --wait"), "\(refused.stderr)")
        #expect(refusedAfter < 1.5, "the refusal took \(refusedAfter) s")
        #expect(holder.poll() == nil, "the holder ended before the refused run returned; the test proves nothing")

        let status = try AIGQBinary.run(["status", "--json", "-p", "slow.seconds=2"] + common)
        #expect(status.status == 0, "aigq status during a run: \(status.stderr)")

        let waiter = try SessionProcess(
            AIGQBinary.path, ["run", "--wait", "-p", "slow.seconds=2"] + common, stdout: dir.file("c.out"), stderr: dir.file("c.err"))
        defer { if waiter.poll() == nil { _ = try? waiter.killSession() } }
        var waiterEndedFirst = false
        while holder.poll() == nil {
            if waiter.poll() != nil { waiterEndedFirst = true }
            usleep(5_000)
        }
        #expect(!waiterEndedFirst, "the --wait run ended while the holder still ran: \(waiter.stdout)\(waiter.stderr)")
        #expect(holder.termination == .exited(0), "\(holder.stderr)")
        #expect(waiter.wait(atMost: 30) == .exited(0), "\(waiter.stderr)")
        #expect(waiter.stdout.contains("ran 0, fresh 2, failed 0, skipped 0"), "\(waiter.stdout)")
        let snapshot = try WorkspaceSnapshot.take(workspace, scratch: dir.path)
        #expect(snapshot.runs.map(\.status) == ["succeeded", "succeeded"], "the refused run must not be recorded")
    }

    /// A run killed while holding the lock leaves `.aigq.lock` naming it, and its commands running on
    /// (only `aigq` is killed, as an OOM kill would): the next plain run is not refused and succeeds at
    /// once; and a run waiting with `--wait` gets the workspace as soon as the holder dies.
    @Test func lockLeftByAKilledRunDoesNotBlockTheNextRun() throws {
        let dir = TemporaryDirectory("crash-stale")
        let (pipeline, workspace) = try CrashWorkspace.create(in: dir.path, pipelineText: CrashWorkspace.slowPipeline)
        let common = ["--pipeline", pipeline, "--workspace", workspace]

        // 1. Killed holder, then a plain run.
        let first = try SessionProcess(AIGQBinary.path, ["run", "-p", "slow.seconds=30"] + common, stdout: dir.file("a.out"), stderr: dir.file("a.err"))
        defer { _ = try? first.killSession() }  // its orphaned `sleep 30` commands
        try Self.waitForLockHolder(workspace, pid: first.pid)
        try Self.waitForCommands(of: first)
        first.killLeaderOnly()
        #expect(!SessionProcess.sessionMembers(first.pid).isEmpty, "the killed run's commands should outlive it here")
        let stale = try String(contentsOfFile: workspace + "/.aigq.lock", encoding: .utf8)
        #expect(stale.hasPrefix("pid \(first.pid), started "), "lock file: \(stale)")
        let started = Date()
        let next = try SessionProcess(AIGQBinary.path, ["run", "-p", "slow.seconds=0.1"] + common, stdout: dir.file("b.out"), stderr: dir.file("b.err"))
        defer { if next.poll() == nil { _ = try? next.killSession() } }
        #expect(next.wait(atMost: 20) == .exited(0), "\(next.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "the next run was held up by the dead run's commands")
        #expect(next.stderr.contains("marked 1 run(s) of killed processes as interrupted"), "\(next.stderr)")
        #expect(next.stderr.contains("temporary folder(s) left by a killed run"), "\(next.stderr)")
        #expect(next.stdout.contains("ran 2, fresh 0, failed 0, skipped 0"), "\(next.stdout)")
        let lock = try String(contentsOfFile: workspace + "/.aigq.lock", encoding: .utf8)
        #expect(lock.hasPrefix("pid \(next.pid), started "), "lock file: \(lock)")

        // 2. A --wait run behind a holder that gets killed.
        let holder = try SessionProcess(
            AIGQBinary.path, ["run", "--force", "slow", "-p", "slow.seconds=30"] + common, stdout: dir.file("c.out"), stderr: dir.file("c.err"))
        defer { _ = try? holder.killSession() }
        try Self.waitForLockHolder(workspace, pid: holder.pid)
        let waiter = try SessionProcess(
            AIGQBinary.path, ["run", "--wait", "-p", "slow.seconds=0.1"] + common, stdout: dir.file("d.out"), stderr: dir.file("d.err"))
        defer { if waiter.poll() == nil { _ = try? waiter.killSession() } }
        try Self.waitForCommands(of: holder)
        #expect(waiter.wait(atMost: 0.3) == nil, "--wait did not wait for the holder")
        let killedAt = Date()
        holder.killLeaderOnly()
        #expect(waiter.wait(atMost: 20) == .exited(0), "\(waiter.stderr)")
        #expect(Date().timeIntervalSince(killedAt) < 10, "the --wait run was held up by the dead run's commands")
        #expect(waiter.stderr.contains("marked 1 run(s) of killed processes as interrupted"), "\(waiter.stderr)")

        let snapshot = try WorkspaceSnapshot.take(workspace, scratch: dir.path)
        #expect(snapshot.runs.map(\.status) == ["interrupted", "succeeded", "interrupted", "succeeded"])
        #expect(snapshot.hidden.isEmpty, "leftovers: \(snapshot.hidden)")
        let raw = try (1...3).map { try String(contentsOfFile: workspace + "/data/raw/dt=2026-11-23/part-0000\($0).txt", encoding: .utf8) }.joined()
        #expect(try String(contentsOfFile: workspace + "/data/copy/dt=2026-11-23/all.txt", encoding: .utf8) == raw)
    }

    /// Waits until `run` has started its commands (its session holds more than itself).
    static func waitForCommands(of run: SessionProcess) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if SessionProcess.sessionMembers(run.pid).count >= 2 { return }
            usleep(5_000)
        }
        throw CrashHarnessError("run \(run.pid) never started its commands")
    }

    /// Polls `.aigq.lock` until it names `pid` (the holder writes it right after taking the flock).
    static func waitForLockHolder(_ workspace: String, pid: pid_t) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: workspace + "/.aigq.lock", encoding: .utf8), text.hasPrefix("pid \(pid), ") { return }
            usleep(5_000)
        }
        throw CrashHarnessError("run \(pid) never took the workspace lock")
    }
}

/// The kill loop.
///
/// Reference: one uninterrupted `aigq run` in a workspace of its own; every visible file under
/// `data/` is recorded (bytes and SHA-256), and its duration D is measured; then each forced variant
/// (`--force clean --downstream`, `--force clean`, `--force daily`, `--force side`, `--force total`)
/// is run once uninterrupted to measure it, and the reference data must be unchanged by them
/// (the pipeline is deterministic).
///
/// Cycles, until `kills` kills are done: a fresh workspace (raw data only), then
/// - a *plain phase*: `aigq run` (with `--jobs` 1, 2 or 3 at random) started in a session of its own,
///   SIGKILLed with its whole session after a seeded random delay — 10 % in [0, 30 ms] (start-up:
///   manifest creation and migration, leftover sweep), else in [0, 1.2 × D] — and rerun, until one run
///   ends by itself;
/// - a *forced phase*: the same with one forced variant, until one run ends by itself.
///
/// After every kill (the workspace as the next run will find it):
/// - (a) every visible file under `data/` (no path component starting with `.`) exists in the
///   reference and has its SHA-256: because each stage is deterministic, anything other than the
///   reference bytes is a half-written or torn file visible as a dataset. This is stricter than
///   "identical or not recorded as succeeded": published-but-unrecorded files must be complete too.
/// - (b) every hidden entry is a runner temporary (`.NAME.tmp-PID-N`) or set-aside (`.NAME.old-PID-N`)
///   folder, and nothing under `data/` is other than a file or a folder;
/// - (c) recorded ⇒ on disk: every shard row's file exists with the row's size and SHA-256; only in
///   a forced phase may it be missing instead, and then its whole output folder (partition or
///   dataset) is missing (the documented window between the two renames of a replacement, which
///   the next run sees as "output deleted");
/// - (d) the manifest agrees with itself: each task state's outputs are exactly the shard rows that
///   name that task as producer (dataset, path, checksum, size);
/// - (e) `aigq status --json` still works (exit 0) on the crashed workspace.
///
/// After the run that ends a phase:
/// - it exited 0; visible `data/` is byte-identical to the reference (same paths, same bytes);
///   no hidden entry is left under `data/`;
/// - every shard row matches its file's size, SHA-256, inode and mtime; every visible file of a
///   dataset some stage writes has a shard row, and sources have none; (d) holds;
/// - `aigq status --json` reports all 10 tasks fresh;
/// - runs are all `succeeded` or `interrupted` (the last `succeeded`), no task run is left
///   `running` and none `failed`;
/// - plain phase: the run redid exactly what was not recorded: it ran the tasks that had no intact
///   record before it and found the others fresh.
final class CrashKillLoop {
    let seed: UInt64
    private var rng: SeededGenerator
    private let scratch = TemporaryDirectory("crash")
    private var reference: [String: Data] = [:]
    private var referenceSums: [String: String] = [:]
    private var durations: [String: Double] = [:]
    private var pipeline = ""
    private var started = Date()

    static let plainVariants: [[String]] = [["--jobs", "1"], [], ["--jobs", "3"]]
    static let forcedVariants: [[String]] = [
        ["--force", "clean", "--downstream"], ["--force", "clean"], ["--force", "daily"], ["--force", "side"], ["--force", "total"],
    ]

    // Statistics, printed at the end.
    private var kills = 0
    private var phases = 0
    private var killsWithLeftovers = 0
    private var killsWithUnrecordedOutputs = 0
    private var killsWithMissingFolder = 0
    private var killsBeforeManifest = 0
    private var strays = 0
    private var runsStarted = 0

    init(seed: UInt64) throws {
        self.seed = seed
        rng = SeededGenerator(seed: seed)
        try makeReference()
    }

    var summary: String {
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let d = String(format: "%.2f", durations["plain"] ?? 0)
        return "\(kills) kills, \(runsStarted) runs, \(phases) phases completed in \(seconds) s (uninterrupted run \(d) s); "
            + "after the kills: \(killsBeforeManifest) with no manifest tables yet, \(killsWithLeftovers) with hidden leftovers, "
            + "\(killsWithUnrecordedOutputs) with published but unrecorded outputs, \(killsWithMissingFolder) with a recorded output folder "
            + "missing (forced replacement); \(strays) stray commands killed"
    }

    // MARK: Reference

    private func makeReference() throws {
        let folder = scratch.file("reference")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (pipeline, workspace) = try CrashWorkspace.create(in: folder)
        self.pipeline = pipeline
        let t0 = Date()
        let first = try start(workspace, [])
        let end = first.wait()
        durations["plain"] = Date().timeIntervalSince(t0)
        guard end == .exited(0) else { throw CrashHarnessError("reference run: \(end): \(first.stderr)") }
        reference = try CrashWorkspace.visibleFiles(workspace)
        referenceSums = Dictionary(
            uniqueKeysWithValues: try WorkspaceSnapshot.take(workspace, scratch: scratch.path).files.filter { !$0.hidden }.map { ($0.path, $0.sha256) })
        for variant in Self.forcedVariants {
            let t0 = Date()
            let run = try start(workspace, variant)
            let end = run.wait()
            durations[variant.joined(separator: " ")] = Date().timeIntervalSince(t0)
            guard end == .exited(0) else { throw CrashHarnessError("reference run \(variant): \(end): \(run.stderr)") }
        }
        guard try CrashWorkspace.visibleFiles(workspace) == reference else {
            throw CrashHarnessError("the pipeline is not deterministic: forced reruns changed the reference data")
        }
        runsStarted = 0
        started = Date()
    }

    // MARK: Loop

    func run(kills target: Int) throws {
        var cycle = 0
        while kills < target {
            cycle += 1
            let folder = scratch.file("cycle-\(cycle)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let (_, workspace) = try CrashWorkspace.create(in: folder)
            try phase(workspace, forced: nil)
            if kills < target || cycle == 1 {
                let variant = Self.forcedVariants[Int.random(in: 0..<Self.forcedVariants.count, using: &rng)]
                try phase(workspace, forced: variant)
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private func start(_ workspace: String, _ arguments: [String]) throws -> SessionProcess {
        runsStarted += 1
        return try SessionProcess(
            AIGQBinary.path, ["run", "--pipeline", pipeline, "--workspace", workspace, "--json"] + arguments,
            stdout: scratch.file("run.out"), stderr: scratch.file("run.err"))
    }

    /// Kills runs until one ends by itself, checking after every kill, then checks the end state.
    private func phase(_ workspace: String, forced: [String]?) throws {
        var before = try WorkspaceSnapshot.take(workspace, scratch: scratch.path)
        var killsInPhase = 0
        while true {
            let arguments = forced ?? Self.plainVariants[Int.random(in: 0..<Self.plainVariants.count, using: &rng)]
            let duration = durations[forced?.joined(separator: " ") ?? "plain"] ?? 1
            let delay =
                Double.random(in: 0..<1, using: &rng) < 0.1
                ? Double.random(in: 0...0.03, using: &rng) : Double.random(in: 0...(1.2 * duration), using: &rng)
            let label = "seed \(seed), kill \(kills + 1), \(forced.map { "forced phase \($0.joined(separator: " "))" } ?? "plain phase"), "
                + "run \(arguments), delay \(String(format: "%.3f", delay)) s"
            let process = try start(workspace, arguments)
            // After 40 kills in one phase, let the run finish (a phase must end).
            let uninterrupted = killsInPhase >= 40
            if let end = process.wait(atMost: uninterrupted ? 300 : delay) {
                try finish(workspace, process: process, end: end, before: before, forced: forced != nil, label: label)
                phases += 1
                return
            }
            strays += try process.killSession()
            if uninterrupted { try report(["an uninterrupted run did not end within 300 s"], label: label, workspace: workspace) }
            kills += 1
            killsInPhase += 1
            let after = try WorkspaceSnapshot.take(workspace, scratch: scratch.path)
            var problems = checkAfterKill(after, forced: forced != nil)
            let status = try AIGQBinary.run(["status", "--json", "--pipeline", pipeline, "--workspace", workspace])
            if status.status != 0 { problems.append("(e) aigq status failed after the kill: \(status.stderr)") }
            try report(problems, label: label, workspace: workspace)
            before = after
        }
    }

    private func checkAfterKill(_ s: WorkspaceSnapshot, forced: Bool) -> [String] {
        var problems: [String] = []
        let byPath = s.filesByPath
        // (a)
        for file in s.files where !file.hidden {
            guard let sum = referenceSums[file.path] else {
                problems.append("(a) visible file \(file.path) is not in the reference")
                continue
            }
            if sum != file.sha256 { problems.append("(a) visible file \(file.path) (\(file.size) bytes) differs from the reference") }
        }
        // (b)
        let temporary = /^\..+\.(tmp|old)-[0-9]+-[0-9]+$/
        for entry in s.hidden where (try? temporary.wholeMatch(in: String(entry.split(separator: "/").last ?? ""))) == nil {
            problems.append("(b) hidden entry \(entry) is not a runner temporary or set-aside folder")
        }
        problems += s.special.map { "(b) \($0) is neither a file nor a folder" }
        // (c)
        var missingFolder = false
        for shard in s.shards {
            let path = "\(shard.dataset)/\(shard.path)"
            if let file = byPath[path] {
                if file.size != shard.size || file.sha256 != shard.checksum {
                    problems.append("(c) \(path) is recorded as \(shard.size) bytes \(shard.checksum.prefix(12)) but is \(file.size) bytes \(file.sha256.prefix(12))")
                }
                continue
            }
            let first = shard.path.split(separator: "/").first.map(String.init) ?? ""
            let folder = first.hasPrefix("dt=") && shard.path.contains("/") ? "\(shard.dataset)/\(first)/" : "\(shard.dataset)/"
            let folderGone = !s.files.contains { !$0.hidden && $0.path.hasPrefix(folder) }
            if forced && folderGone {
                missingFolder = true
            } else {
                problems.append("(c) recorded output \(path) of \(shard.task) is missing\(folderGone ? "" : " while its folder \(folder) exists")")
            }
        }
        // (d)
        problems += manifestSelfCheck(s)
        if s.states.isEmpty && s.runs.isEmpty { killsBeforeManifest += 1 }
        if !s.hidden.isEmpty { killsWithLeftovers += 1 }
        if missingFolder { killsWithMissingFolder += 1 }
        let recorded = Set(s.shards.map { "\($0.dataset)/\($0.path)" })
        if s.files.contains(where: { !$0.hidden && !CrashWorkspace.sources.contains(Self.dataset(of: $0.path)) && !recorded.contains($0.path) }) {
            killsWithUnrecordedOutputs += 1
        }
        return problems
    }

    private func manifestSelfCheck(_ s: WorkspaceSnapshot) -> [String] {
        var problems: [String] = []
        var rowsByTask: [String: Set<WorkspaceSnapshot.Output>] = [:]
        for shard in s.shards {
            rowsByTask[shard.task, default: []].insert(.init(dataset: shard.dataset, path: shard.path, checksum: shard.checksum, size: shard.size))
        }
        let states = Set(s.states.map(\.task))
        for state in s.states where Set(state.outputs) != rowsByTask[state.task] ?? [] {
            problems.append("(d) task state \(state.task) lists outputs \(state.outputs.map(\.path)) but its shard rows are \((rowsByTask[state.task] ?? []).map(\.path))")
        }
        for task in rowsByTask.keys where !states.contains(task) {
            problems.append("(d) shard rows name \(task), which has no task state")
        }
        return problems
    }

    private func finish(
        _ workspace: String, process: SessionProcess, end: SessionProcess.Termination, before: WorkspaceSnapshot, forced: Bool, label: String
    ) throws {
        var problems: [String] = []
        guard end == .exited(0) else {
            try report(["the run that was not killed ended with \(end): \(process.stderr)"], label: label, workspace: workspace)
            return
        }
        let visible = try CrashWorkspace.visibleFiles(workspace)
        for (path, bytes) in visible where reference[path] != bytes {
            problems.append(reference[path] == nil ? "\(path) is not in the reference" : "\(path) differs from the reference")
        }
        for path in reference.keys where visible[path] == nil { problems.append("\(path) is missing") }
        let s = try WorkspaceSnapshot.take(workspace, scratch: scratch.path)
        if !s.hidden.isEmpty { problems.append("hidden leftovers after a complete run: \(s.hidden)") }
        let byPath = s.filesByPath
        let recorded = Set(s.shards.map { "\($0.dataset)/\($0.path)" })
        for shard in s.shards {
            guard let file = byPath["\(shard.dataset)/\(shard.path)"] else {
                problems.append("shard row \(shard.dataset)/\(shard.path) has no file")
                continue
            }
            if (file.size, file.sha256, file.inode, file.mtimeNs) != (shard.size, shard.checksum, shard.inode, shard.mtimeNs) {
                problems.append(
                    "shard row \(shard.dataset)/\(shard.path) records size \(shard.size) sha \(shard.checksum.prefix(12)) inode \(shard.inode) mtime \(shard.mtimeNs); "
                        + "the file has \(file.size) \(file.sha256.prefix(12)) \(file.inode) \(file.mtimeNs)")
            }
        }
        for file in s.files where !file.hidden {
            let isSource = CrashWorkspace.sources.contains(Self.dataset(of: file.path))
            if isSource && recorded.contains(file.path) { problems.append("source file \(file.path) has a shard row") }
            if !isSource && !recorded.contains(file.path) { problems.append("output \(file.path) has no shard row") }
        }
        problems += manifestSelfCheck(s)
        let status = try AIGQBinary.run(["status", "--json", "--pipeline", pipeline, "--workspace", workspace])
        if let json = try? JSONDecoder().decode(ReportJSON.self, from: Data(status.stdout.utf8)), status.status == 0 {
            let stale = json.outcomes.filter { $0.status != "fresh" }
            if json.outcomes.count != CrashWorkspace.taskCount || !stale.isEmpty {
                problems.append("aigq status: \(json.outcomes.count) tasks, not fresh: \(stale.map { "\($0.task) \($0.causes)" })")
            }
        } else {
            problems.append("aigq status --json failed: \(status.status) \(status.stderr)")
        }
        if s.runs.last?.status != "succeeded" || s.runs.contains(where: { !["succeeded", "interrupted"].contains($0.status) }) {
            problems.append("run statuses: \(s.runs.map(\.status))")
        }
        let open = s.taskRuns.filter { ["running", "failed"].contains($0.status) }
        if !open.isEmpty { problems.append("task runs left running or failed: \(open.map { "\($0.task) \($0.status)" })") }
        if !forced {
            if let json = try? JSONDecoder().decode(ReportJSON.self, from: Data(process.stdout.utf8)) {
                let intact = before.recordedIntactTasks
                for outcome in json.outcomes {
                    let expected = intact.contains(outcome.task) ? "fresh" : "ran"
                    if outcome.status != expected {
                        problems.append("the completing run: \(outcome.task) \(outcome.status), expected \(expected) (causes \(outcome.causes))")
                    }
                }
            } else {
                problems.append("the completing run printed no JSON report: \(process.stdout)")
            }
        }
        try report(problems, label: "\(label) (the run ended by itself)", workspace: workspace)
    }

    private static func dataset(of path: String) -> String { String(path.split(separator: "/").first ?? "") }

    /// Fails the test with the problems (and the seed), keeping the workspace, and stops the loop.
    private func report(_ problems: [String], label: String, workspace: String) throws {
        guard !problems.isEmpty else { return }
        let keep = "/tmp/aigq-crash-failure-\(seed)-\(kills)"
        try? FileManager.default.removeItem(atPath: keep)
        try? FileManager.default.copyItem(atPath: workspace, toPath: keep)
        let text = "\(label): \(problems.count) problem(s); workspace kept in \(keep)\n  " + problems.prefix(20).joined(separator: "\n  ")
        print("CrashSafetyTests: " + text)
        throw CrashHarnessError(text)
    }
}
