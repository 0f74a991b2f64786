import Foundation

/// `aigq bench ingest`: our `ingest` stage beside DuckDB, Polars and pyarrow turning the same JSON
/// Lines day into zstd Parquet, measured in the same run (spec/bench.md).
///
/// The day is made once by the `aigq gen` generator (``LogGenerator`` sized for about `events`
/// events, one plain JSON Lines file, in a child process); every tool then converts that one file at every thread count, in its own process, tools alternating (the order rotates each
/// repetition) after one warm-up each. Times are the work alone as each process reports it; peak
/// RSS comes from `wait4`. Our work is more than the peers': validation, query normalisation,
/// quarantine, dimension snapshots, and events split into user buckets sorted by (user, ts).
public struct IngestBenchmark {
    /// What to run.
    public let options: IngestBenchmarkOptions

    /// A benchmark with these options.
    public init(options: IngestBenchmarkOptions) { self.options = options }

    /// Runs everything, reporting progress lines through `progress`.
    public func run(progress: (String) -> Void) throws -> IngestBenchmarkResult {
        try options.validate()
        let folder = try options.settings.workingDirectory(prefix: "aigq-bench-ingest-")
        let dir = folder.path
        defer {
            let made = ["raw", "out-aigq", "child.stdout", "child.stderr"] + BenchTool.peers.map { "out-\($0.rawValue).parquet" }
            options.settings.cleanUp(folder, made: made.map { dir + "/" + $0 })
        }
        var result = IngestBenchmarkResult(
            machine: .current(), events: options.events, versions: [("aigq", options.version)],
            directory: options.keep ? dir : nil, withPeers: options.peers != nil)
        result.loadBefore = Self.loadAverage()

        progress("making input: about \(options.events) events → \(dir)/raw (aigq gen --scale \(options.events) --days 1 --files-per-day 1)")
        let generated = try runWorker(
            ChildProcess(arguments: options.workerCommand + ["--task", "generate", "--input", dir, "--threads", "2", "--events", String(options.events)]),
            what: "making the input", dir: dir)
        result.inputBytes = generated.report.bytes
        result.events = generated.report.rows
        progress(String(format: "input ready: %d events, %.1f MiB in %.1f s", result.events, mebibytes(result.inputBytes), generated.report.seconds))
        result.rssFloorBytes = try ChildProcess(arguments: ["/bin/true"]).run(scratch: dir).peakRSSBytes
        let input = try IngestBenchWorker.eventsFile(root: dir)
        let work = "ingest \(ParquetBenchmark.count(result.events)) events"

        for threads in options.threads {
            var warmSeconds: [Double] = []
            for tool in options.tools {
                progress("\(tool.rawValue) threads=\(threads) warm-up …")
                warmSeconds.append(try runOnce(tool, threads: threads, input: input, dir: dir, result: &result).seconds)
            }
            let reps = options.reps ?? (warmSeconds.allSatisfy { $0 < 1 } ? 5 : 3)
            var samples: [BenchTool: [BenchmarkEntry.Sample]] = [:]
            for rep in 0..<reps {
                let shift = rep % options.tools.count
                for tool in Array(options.tools[shift...]) + Array(options.tools[..<shift]) {
                    progress("\(tool.rawValue) threads=\(threads) rep \(rep + 1)/\(reps) …")
                    let sample = try runOnce(tool, threads: threads, input: input, dir: dir, result: &result)
                    samples[tool, default: []].append(sample)
                    progress(String(format: "  %.2f s, peak RSS %.0f MiB", sample.seconds, mebibytes(sample.peakRSSBytes)))
                }
            }
            for tool in options.tools {
                result.entries.append(BenchmarkEntry(work: work, task: .write, tool: tool, threads: threads, samples: samples[tool] ?? []))
            }
        }
        result.loadAfter = Self.loadAverage()
        return result
    }

    /// Runs one measurement process and checks what it reports.
    private func runOnce(_ tool: BenchTool, threads: Int, input: String, dir: String, result: inout IngestBenchmarkResult) throws -> BenchmarkEntry.Sample {
        var arguments: [String]
        if tool == .aigq {
            arguments = options.workerCommand + ["--task", "ingest", "--input", dir, "--output", dir + "/out-aigq"]
        } else {
            guard let peers = options.peers else { throw BenchmarkError("peers are off (--no-peers)") }
            arguments = [peers.python, peers.script, "--tool", tool.rawValue, "--input", input, "--output", dir + "/out-\(tool.rawValue).parquet"]
        }
        arguments += ["--threads", String(threads)]
        let (report, outcome) = try runWorker(
            ChildProcess(arguments: arguments), what: "\(tool.rawValue) ingest (threads=\(threads))", dir: dir, isPeer: tool != .aigq)
        if !result.versions.contains(where: { $0.0 == tool.rawValue }) { result.versions.append((tool.rawValue, report.version)) }
        if report.rows != result.events {
            result.problems.append("\(tool.rawValue) threads=\(threads) wrote \(report.rows) rows, expected \(result.events)")
        }
        return BenchmarkEntry.Sample(seconds: report.seconds, rows: report.rows, bytes: report.bytes, peakRSSBytes: outcome.peakRSSBytes)
    }

    /// Runs a measurement process and parses its JSON line.
    private func runWorker(_ child: ChildProcess, what: String, dir: String, isPeer: Bool = false) throws -> (report: WorkerReport, outcome: ChildProcess.Outcome) {
        try child.runReporting(what: what, scratch: dir, isPeer: isPeer)
    }

    /// The 1-minute load average (the machine is shared: say how busy it was).
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }
}
