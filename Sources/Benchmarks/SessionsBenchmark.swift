import Foundation

/// `aigq bench sessions`: the sessions stage's work on one big day beside Polars and DuckDB doing
/// the same aggregation, in the same run on the same input (spec/bench.md).
///
/// The work, for every tool: read the day's `events` shards (``SessionsBenchInput``) and its
/// `users`, `items`, `queries` snapshots; derive each user's behaviours (searches, lone hint clicks
/// as searches, item clicks with the catalogue title; leaf categories from the dims); write
/// `direct_sessions` (hint exposures with ≥ 1 click: distinct clicked queries in click order, the
/// logged candidates, the profile, the last 32 behaviours strictly before the exposure) and
/// `behaviors` (each user of the day with the last 32 behaviours) as zstd Parquet. Think sessions
/// are left out (the peers do not make them). After the runs, a checksum worker fingerprints each
/// tool's outputs (``SessionsChecksum``); they must all agree.
public struct SessionsBenchmark {
    /// What to run.
    public let options: SessionsBenchmarkOptions

    /// A benchmark with these options.
    public init(options: SessionsBenchmarkOptions) { self.options = options }

    /// Runs everything, reporting progress lines through `progress`.
    public func run(progress: (String) -> Void) throws -> SessionsBenchmarkResult {
        try options.validate()
        let folder = try options.settings.workingDirectory(prefix: "aigq-bench-sessions-")
        let dir = folder.path
        defer { options.settings.cleanUp(folder, made: [dir + "/input", dir + "/out"]) }
        var result = SessionsBenchmarkResult(
            machine: .current(), events: options.events, versions: [("aigq", options.version)], directory: options.keep ? dir : nil,
            withPeers: options.peers != nil)
        let input = dir + "/input"
        try? FileManager.default.removeItem(atPath: input)
        progress("making input: \(options.events) events → \(input) (16 user buckets, zstd)")
        let generated = try runChild(
            options.workerCommand + ["--worker", "generate", "--dir", input, "--events", String(options.events), "--threads", "2"],
            what: "making the input", dir: dir)
        guard let report = WorkerReport.parse(generated.standardOutput) else { throw BenchmarkError("the input generator printed no result") }
        result.inputBytes = report.bytes
        progress(String(format: "input ready: %.1f MiB in %.1f s", mebibytes(report.bytes), report.seconds))
        result.rssFloorBytes = try ChildProcess(arguments: ["/bin/true"]).run(scratch: dir).peakRSSBytes

        let work = "sessionise \(ParquetBenchmark.count(options.events)) events"
        for threads in options.threads {
            try measure(work: work, threads: threads, input: input, dir: dir, into: &result, progress: progress)
        }
        for tool in options.tools {
            let output = dir + "/out/" + tool.rawValue
            progress("checksum of \(tool.rawValue)'s output …")
            let outcome = try runChild(options.workerCommand + ["--worker", "checksum", "--dir", input, "--output", output], what: "checksum", dir: dir)
            guard let line = outcome.standardOutput.split(separator: "\n").last,
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            else { throw BenchmarkError("the checksum worker printed no result for \(tool.rawValue)") }
            result.outputs.append(
                .init(
                    tool: tool, directRows: (object["direct_rows"] as? NSNumber)?.intValue ?? -1, directSum: object["direct_sum"] as? String ?? "?",
                    behaviorRows: (object["behaviors_rows"] as? NSNumber)?.intValue ?? -1, behaviorSum: object["behaviors_sum"] as? String ?? "?"))
        }
        return result
    }

    /// One thread count: a warm-up of every tool, then the repetitions, rotating the tool order.
    private func measure(
        work: String, threads: Int, input: String, dir: String, into result: inout SessionsBenchmarkResult, progress: (String) -> Void
    ) throws {
        let tools = options.tools
        var warm: [Double] = []
        for tool in tools {
            progress("\(tool.rawValue) threads=\(threads) warm-up …")
            warm.append(try runOnce(tool: tool, threads: threads, input: input, dir: dir, result: &result).seconds)
        }
        let reps = options.reps ?? (warm.allSatisfy { $0 < 1 } ? 5 : 3)
        var samples: [BenchTool: [BenchmarkEntry.Sample]] = [:]
        for rep in 0..<reps {
            let shift = rep % tools.count
            for tool in Array(tools[shift...]) + Array(tools[..<shift]) {
                progress("\(tool.rawValue) threads=\(threads) rep \(rep + 1)/\(reps) …")
                let sample = try runOnce(tool: tool, threads: threads, input: input, dir: dir, result: &result)
                samples[tool, default: []].append(sample)
                progress(String(format: "  %.3f s, CPU %.2f s, peak RSS %.0f MiB", sample.seconds, sample.cpuSeconds, mebibytes(sample.peakRSSBytes)))
            }
        }
        for tool in tools {
            result.entries.append(SessionsBenchmarkResult.Entry(work: work, tool: tool, threads: threads, samples: samples[tool] ?? []))
        }
    }

    /// Runs one measurement process into a fresh output folder and checks what it reports.
    private func runOnce(
        tool: BenchTool, threads: Int, input: String, dir: String, result: inout SessionsBenchmarkResult
    ) throws -> BenchmarkEntry.Sample {
        let output = dir + "/out/" + tool.rawValue
        try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var arguments: [String]
        if tool == .aigq {
            arguments = options.workerCommand + ["--worker", "run", "--dir", input, "--output", output, "--threads", String(threads)]
        } else {
            guard let peers = options.peers, let script = options.peerScript else { throw BenchmarkError("peers are off (--no-peers)") }
            arguments = [peers.python, script, "--tool", tool.rawValue, "--input", input, "--output", output, "--threads", String(threads),
                         "--day", SessionsBenchInput.day]
        }
        let outcome = try runChild(arguments, what: "\(tool.rawValue) (threads=\(threads))", dir: dir, isPeer: tool != .aigq)
        guard let report = WorkerReport.parse(outcome.standardOutput) else {
            throw BenchmarkError("\(tool.rawValue) printed no result line; run it by hand: \(ChildProcess(arguments: arguments).commandLine)")
        }
        if !result.versions.contains(where: { $0.0 == tool.rawValue }) { result.versions.append((tool.rawValue, report.version)) }
        if report.rows != options.events {
            result.problems.append("\(tool.rawValue) threads=\(threads) read \(report.rows) events, expected \(options.events)")
        }
        return BenchmarkEntry.Sample(
            seconds: report.seconds, rows: report.rows, bytes: report.bytes, peakRSSBytes: outcome.peakRSSBytes, cpuSeconds: outcome.cpuSeconds)
    }

    /// Runs a child to completion; a failure quotes its stderr and a hint.
    private func runChild(_ arguments: [String], what: String, dir: String, isPeer: Bool = false) throws -> ChildProcess.Outcome {
        let child = ChildProcess(arguments: arguments)
        let outcome = try child.run(scratch: dir)
        guard outcome.exitCode == 0 else {
            let tail = outcome.standardError.split(separator: "\n").suffix(12).joined(separator: "\n")
            var hint = "run it by hand to see why: \(child.commandLine)"
            if isPeer && (tail.contains("ModuleNotFoundError") || tail.contains("No module named")) {
                hint = "the venv lacks a peer package; install them with: \(PeerSetup.venvHint)"
            }
            throw BenchmarkError("\(what) exited with status \(outcome.exitCode):\n\(tail)\n\(hint)")
        }
        return outcome
    }
}
