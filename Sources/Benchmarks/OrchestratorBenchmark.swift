import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `aigq bench orchestrator`: our runner beside GNU make (`make`, `make -r`), Snakemake and DVC on
/// the same seven-stage pipeline of shell commands over the same shards (``OrchestratorPipeline``),
/// measured in the same run (spec/bench.md).
///
/// Each tool gets its own folder holding its own copy of the shards and its pipeline file, so every
/// scenario starts from the same state for every tool. Scenarios, in order: a full build (one cold
/// run each), a no-op, a `touch` of one shard, a content change of the same shard. In each of the
/// last three, every tool runs once as a warm-up, then `reps` times, the order rotating each round;
/// before each run the scenario's change is applied to that tool's folder. A measurement is the
/// wall time of the whole tool process (process and interpreter start included: that is what an
/// orchestrator costs at the command line), its peak RSS (`wait4`), and the tasks it ran, counted
/// from the lines its commands append to `tasks.log`.
public struct OrchestratorBenchmark {
    /// What to run.
    public let options: OrchestratorBenchmarkOptions

    /// A benchmark with these options.
    public init(options: OrchestratorBenchmarkOptions) { self.options = options }

    /// Environment of every tool run: a fixed collation (the `*` globs of the commands list files
    /// in the same order everywhere) and no DVC analytics.
    static let environment = ["LC_ALL": "C", "DVC_NO_ANALYTICS": "1"]

    /// Runs everything, reporting progress lines through `progress`.
    public func run(progress: (String) -> Void) throws -> OrchestratorBenchmarkResult {
        try options.validate()
        let fm = FileManager.default
        let ownDirectory = options.directory == nil
        let dir = try options.directory ?? makeTemporaryDirectory(prefix: "aigq-bench-orchestrator-")
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let tools = options.tools
        let stems = (0..<options.shards).map(OrchestratorPipeline.shardStem)
        let target = stems[options.shards / 2]
        var created: [String] = []
        defer {
            if !options.keep {
                if ownDirectory { try? fm.removeItem(atPath: dir) } else { created.forEach { try? fm.removeItem(atPath: $0) } }
            }
        }
        var result = OrchestratorBenchmarkResult(
            machine: .current(), shards: options.shards, shardKB: options.shardKB, jobs: options.jobs,
            versions: [("aigq", options.version)], directory: options.keep ? dir : nil,
            withPeers: options.peers != nil, target: target)

        // Folders and pipeline files.
        var roots: [OrchestratorTool: String] = [:]
        for tool in tools {
            let root = dir + "/" + tool.slug
            let scratch = dir + "/.out-" + tool.slug
            for path in [root, scratch] {
                try? fm.removeItem(atPath: path)
                try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
                created.append(path)
            }
            try fm.createDirectory(atPath: root + "/data/raw", withIntermediateDirectories: true)
            if tool == .make || tool == .makeR || tool == .dvc {  // they do not create output folders
                for dataset in OrchestratorPipeline.outputDatasets {
                    try fm.createDirectory(atPath: root + "/data/" + dataset, withIntermediateDirectories: true)
                }
            }
            let (name, text): (String, String) =
                switch tool {
                case .aigq: ("pipeline.yaml", OrchestratorPipeline.aigqPipeline())
                case .make, .makeR: ("Makefile", OrchestratorPipeline.makefile())
                case .snakemake: ("Snakefile", OrchestratorPipeline.snakefile())
                case .dvc: ("dvc.yaml", OrchestratorPipeline.dvcYAML(stems: stems))
                }
            try write(Data(text.utf8), to: root + "/" + name)
            roots[tool] = root
        }

        // The shards: generated once each, written into every tool's folder.
        progress("making input: \(options.shards) shards of \(options.shardKB) kB → \(dir)/<tool>/data/raw (\(tools.count) copies)")
        let clock = ContinuousClock()
        let started = clock.now
        for (i, stem) in stems.enumerated() {
            let bytes = Data(Self.shardBytes(index: i, seed: options.seed, size: options.shardKB * 1000))
            for tool in tools { try write(bytes, to: roots[tool]! + "/data/raw/\(stem).txt") }
        }
        progress(String(format: "input ready in %.1f s", (clock.now - started).seconds))

        // Versions, DVC's repository, the RSS floor.
        let scratch = dir + "/.out-aigq"
        if let peers = options.peers {
            for tool in tools where tool.isPeer && tool != .makeR {
                let program = tool == .dvc ? peers.dvc : tool == .snakemake ? peers.snakemake : peers.make
                let outcome = try ChildProcess(arguments: [program, "--version"], environment: Self.environment).run(scratch: scratch)
                let first = outcome.standardOutput.split(separator: "\n").first.map(String.init) ?? "?"
                let version = tool == .make ? first.replacingOccurrences(of: "GNU Make ", with: "") : first.trimmingCharacters(in: .whitespaces)
                result.versions.append((tool.rawValue, version))
            }
            if let root = roots[.dvc] {
                try runSetup([peers.dvc, "init", "--no-scm", "-q"], in: root, scratch: scratch, what: "dvc init")
                try runSetup([peers.dvc, "config", "core.analytics", "false"], in: root, scratch: scratch, what: "dvc config")
                // Keep DVC's state database (its hash cache) inside its folder, not in /var/tmp.
                try runSetup([peers.dvc, "config", "--local", "core.site_cache_dir", root + "/.dvc/site-cache"], in: root, scratch: scratch, what: "dvc config")
            }
        }
        result.rssFloorBytes = try ChildProcess(arguments: ["/bin/true"]).run(scratch: scratch).peakRSSBytes

        for scenario in OrchestratorScenario.allCases {
            try measure(scenario, tools: tools, roots: roots, dir: dir, target: target, into: &result, progress: progress)
        }
        return result
    }

    /// One scenario: a warm-up of every tool (none for the full build), then the repetitions,
    /// rotating the tool order each round; then the tools' final outputs are compared.
    private func measure(
        _ scenario: OrchestratorScenario, tools: [OrchestratorTool], roots: [OrchestratorTool: String], dir: String,
        target: String, into result: inout OrchestratorBenchmarkResult, progress: (String) -> Void
    ) throws {
        var runs: [OrchestratorTool: Int] = [:]  // runs so far per tool: the content version to write
        func once(_ tool: OrchestratorTool, label: String) throws -> OrchestratorEntry.Sample {
            let root = roots[tool]!
            runs[tool, default: 0] += 1
            try prepare(scenario, root: root, target: target, version: runs[tool]!)
            progress("\(scenario.rawValue): \(tool.rawValue) \(label) …")
            let sample = try runTool(tool, root: root, scratch: dir + "/.out-" + tool.slug)
            progress(String(format: "  %.3f s, %d tasks, peak RSS %.0f MiB", sample.seconds, sample.tasks.count, mebibytes(sample.peakRSSBytes)))
            return sample
        }

        var samples: [OrchestratorTool: [OrchestratorEntry.Sample]] = [:]
        if scenario == .build {
            for tool in tools { samples[tool] = [try once(tool, label: "(cold, one run)")] }
        } else {
            var warm: [Double] = []
            for tool in tools { warm.append(try once(tool, label: "warm-up").seconds) }
            let reps = options.reps ?? (warm.allSatisfy { $0 < 1 } ? 5 : 3)
            for rep in 0..<reps {
                let shift = rep % tools.count
                for tool in Array(tools[shift...]) + Array(tools[..<shift]) {
                    samples[tool, default: []].append(try once(tool, label: "rep \(rep + 1)/\(reps)"))
                }
            }
        }
        for tool in tools {
            result.entries.append(OrchestratorEntry(scenario: scenario, tool: tool, jobs: tool == .dvc ? 1 : options.jobs, samples: samples[tool] ?? []))
        }

        // Same work: every tool must end with the same final output as ours.
        let outputs = tools.map { tool in
            (tool, try? String(contentsOfFile: roots[tool]! + "/" + OrchestratorPipeline.finalOutput, encoding: .utf8))
        }
        let ours = outputs.first { $0.0 == .aigq }?.1
        if ours == nil { result.problems.append("\(scenario.rawValue): aigq left no \(OrchestratorPipeline.finalOutput)") }
        for (tool, text) in outputs where tool != .aigq && text != ours {
            result.problems.append(
                "\(scenario.rawValue): \(tool.rawValue)'s \(OrchestratorPipeline.finalOutput) differs from aigq's (\(text?.prefix(16) ?? "missing") vs \(ours?.prefix(16) ?? "missing"))")
        }
        if scenario == .build {
            let expected = OrchestratorPipeline.taskCount(shards: options.shards)
            for tool in tools {
                let ran = samples[tool]?.first?.tasks.count ?? 0
                if ran != expected { result.problems.append("full build: \(tool.rawValue) ran \(ran) tasks, expected \(expected)") }
            }
        }
    }

    /// Applies the scenario's change to one tool's copy of the target shard.
    private func prepare(_ scenario: OrchestratorScenario, root: String, target: String, version: Int) throws {
        let path = root + "/data/raw/\(target).txt"
        switch scenario {
        case .build, .noop:
            return
        case .touch:
            guard utimensat(AT_FDCWD, path, nil, 0) == 0 else {
                throw BenchmarkError("cannot touch '\(path)': \(String(cString: strerror(errno)))")
            }
        case .change:
            // Same size, new bytes at the start: a different version on every run, the same for every tool.
            let marker = Array("edit \(version) of \(target)\n".utf8)
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw BenchmarkError("cannot open '\(path)': \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            guard marker.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == marker.count else {
                throw BenchmarkError("cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The command line of a tool run, started in its folder by `/bin/sh` (which `exec`s the tool, so
    /// the measured process is the tool itself).
    private func command(_ tool: OrchestratorTool, root: String) throws -> [String] {
        let jobs = String(options.jobs)
        let inner: [String]
        if tool == .aigq {
            inner = [options.executable, "run", "--workspace", ".", "--pipeline", "pipeline.yaml", "--jobs", jobs]
        } else {
            guard let peers = options.peers else { throw BenchmarkError("peers are off (--no-peers)") }
            inner =
                switch tool {
                case .make: [peers.make, "-j" + jobs]
                case .makeR: [peers.make, "-r", "-j" + jobs]
                case .snakemake: [peers.snakemake, "--cores", jobs]
                case .dvc: [peers.dvc, "repro"]
                case .aigq: []
                }
        }
        return Self.inFolder(root, inner)
    }

    /// `argv` run in `folder` through `/bin/sh -c 'cd … && exec …'`.
    static func inFolder(_ folder: String, _ argv: [String]) -> [String] {
        ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder] + argv
    }

    /// Runs a tool once in its folder and returns its figures and the tasks its commands logged.
    private func runTool(_ tool: OrchestratorTool, root: String, scratch: String) throws -> OrchestratorEntry.Sample {
        let log = root + "/" + OrchestratorPipeline.taskLog
        removeIfPresent(log)
        let child = ChildProcess(arguments: try command(tool, root: root), environment: Self.environment)
        let outcome = try child.run(scratch: scratch)
        guard outcome.exitCode == 0 else {
            let tail = (outcome.standardError + outcome.standardOutput).split(separator: "\n").suffix(15).joined(separator: "\n")
            throw BenchmarkError(
                "\(tool.rawValue) exited with status \(outcome.exitCode) in \(root):\n\(tail)\nrun it by hand to see why: \(child.commandLine)")
        }
        let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return OrchestratorEntry.Sample(seconds: outcome.wallSeconds, peakRSSBytes: outcome.peakRSSBytes, tasks: lines)
    }

    /// Runs a setup command (not measured) in `folder`; fails with its output.
    private func runSetup(_ argv: [String], in folder: String, scratch: String, what: String) throws {
        let child = ChildProcess(arguments: Self.inFolder(folder, argv), environment: Self.environment)
        let outcome = try child.run(scratch: scratch)
        guard outcome.exitCode == 0 else {
            throw BenchmarkError("\(what) failed (status \(outcome.exitCode)):\n\(outcome.standardError)\(outcome.standardOutput)\ncommand: \(child.commandLine)")
        }
    }

    private func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw BenchmarkError("cannot write '\(path)'; check the folder (--dir) and free space")
        }
    }

    /// The deterministic bytes of shard `index`: lines of 79 lower-case letters and spaces.
    static func shardBytes(index: Int, seed: UInt64, size: Int) -> [UInt8] {
        var rng = SplitMix64(seed: SplitMix64.mix(seed &+ UInt64(index)))
        var out = [UInt8](repeating: 0, count: size)
        var word: UInt64 = 0
        var left = 0
        for i in 0..<size {
            if i % 80 == 79 || i == size - 1 {
                out[i] = 0x0A
                continue
            }
            if left == 0 {
                word = rng.next()
                left = 8
            }
            let b = UInt8(truncatingIfNeeded: word)
            word >>= 8
            left -= 1
            out[i] = b < 40 ? 0x20 : 0x61 + b % 26
        }
        return out
    }
}

extension OrchestratorTool {
    /// Whether this is a peer (not ours).
    var isPeer: Bool { self != .aigq }
}
