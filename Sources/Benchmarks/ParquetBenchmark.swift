import Columnar
import Foundation

/// `aigq bench parquet`: our Parquet writer and reader beside pyarrow, Polars and DuckDB, measured
/// in the same run on the same generated input (see spec/bench.md for the protocol).
///
/// Work items, each at every thread count of ``ParquetBenchmarkOptions/threads``:
/// - write the events table with ZSTD level 3 (each tool from its own in-memory copy);
/// - scan, decoding all columns, the same file for every tool: the one pyarrow wrote (our own
///   ZSTD file when peers are off).
///
/// Tools alternate (the order rotates each repetition); each measurement is its own process, whose
/// time is the work alone as the process reports it and whose peak RSS comes from `wait4`.
public struct ParquetBenchmark {
    /// What to run.
    public let options: ParquetBenchmarkOptions

    /// A benchmark with these options.
    public init(options: ParquetBenchmarkOptions) { self.options = options }

    /// Runs everything, reporting progress lines through `progress`.
    public func run(progress: (String) -> Void) throws -> ParquetBenchmarkResult {
        try options.validate()
        let folder = try options.settings.workingDirectory(prefix: "aigq-bench-")
        let dir = folder.path
        var created: [String] = []
        defer { options.settings.cleanUp(folder, made: created) }
        let label = Self.count(options.rows)
        var result = ParquetBenchmarkResult(
            machine: .current(), rows: options.rows, versions: [("aigq", options.version)],
            directory: options.keep ? dir : nil, withPeers: options.peers != nil)

        let input = dir + "/events-input.parquet"
        created += [input, dir + "/child.stdout", dir + "/child.stderr"]
        // The input is made in a child so that this process stays small: Linux charges the
        // launcher's memory image to a spawned child's ru_maxrss (the floor measured below).
        progress("making input: \(options.rows) events → \(input) (our writer, UNCOMPRESSED, row groups of 1 Mi rows)")
        let generated = try runWorker(
            ChildProcess(arguments: options.workerCommand + ["--task", "generate", "--input", "-", "--output", input, "--threads", "2", "--rows", String(options.rows)]),
            what: "making the input", dir: dir)
        result.inputBytes = generated.report.bytes
        progress(String(format: "input ready: %.1f MiB in %.1f s", mebibytes(result.inputBytes), generated.report.seconds))
        result.rssFloorBytes = try ChildProcess(arguments: ["/bin/true"]).run(scratch: dir).peakRSSBytes

        for threads in options.threads {
            let work = "write \(label) events (zstd-3)"
            let outputs = Dictionary(uniqueKeysWithValues: options.tools.map { ($0, dir + "/written-\($0.rawValue).parquet") })
            created += outputs.values
            try measure(work: work, task: .write, threads: threads, input: input, outputs: outputs, dir: dir, into: &result, progress: progress)
            for tool in options.tools {
                result.written.append(Self.checkWritten(tool: tool, threads: threads, path: outputs[tool]!, expected: options.rows))
            }
        }
        let scanSource = options.peers == nil ? dir + "/written-aigq.parquet" : dir + "/written-pyarrow.parquet"
        result.scanSource = options.peers == nil ? "our own zstd-3 file" : "the file pyarrow wrote with zstd-3"
        for threads in options.threads {
            let work = "scan \(label) events (all columns)"
            try measure(work: work, task: .scan, threads: threads, input: scanSource, outputs: [:], dir: dir, into: &result, progress: progress)
        }
        return result
    }

    /// One work item at one thread count: a warm-up of every tool, then the repetitions, rotating
    /// the tool order each round.
    private func measure(
        work: String, task: ParquetWorker.Task, threads: Int, input: String, outputs: [BenchTool: String], dir: String,
        into result: inout ParquetBenchmarkResult, progress: (String) -> Void
    ) throws {
        let tools = options.tools
        var warmSeconds: [Double] = []
        for tool in tools {
            progress("\(task.rawValue) \(tool.rawValue) threads=\(threads) warm-up …")
            let sample = try runOnce(tool: tool, task: task, threads: threads, input: input, output: outputs[tool], dir: dir, result: &result)
            warmSeconds.append(sample.seconds)
        }
        let reps = options.reps ?? (warmSeconds.allSatisfy { $0 < 1 } ? 5 : 3)
        var samples: [BenchTool: [BenchmarkEntry.Sample]] = [:]
        for rep in 0..<reps {
            let shift = rep % tools.count
            let order: [BenchTool] = Array(tools[shift...]) + Array(tools[..<shift])
            for tool in order {
                progress("\(task.rawValue) \(tool.rawValue) threads=\(threads) rep \(rep + 1)/\(reps) …")
                let sample = try runOnce(tool: tool, task: task, threads: threads, input: input, output: outputs[tool], dir: dir, result: &result)
                samples[tool, default: []].append(sample)
                progress(String(format: "  %.3f s, peak RSS %.0f MiB", sample.seconds, mebibytes(sample.peakRSSBytes)))
            }
        }
        for tool in tools {
            result.entries.append(BenchmarkEntry(work: work, task: task, tool: tool, threads: threads, samples: samples[tool] ?? []))
        }
    }

    /// Runs one measurement process and checks what it reports.
    private func runOnce(
        tool: BenchTool, task: ParquetWorker.Task, threads: Int, input: String, output: String?, dir: String,
        result: inout ParquetBenchmarkResult
    ) throws -> BenchmarkEntry.Sample {
        var arguments: [String]
        if tool == .aigq {
            arguments = options.workerCommand
        } else {
            guard let peers = options.peers else { throw BenchmarkError("peers are off (--no-peers)") }
            arguments = [peers.python, peers.script, "--tool", tool.rawValue]
        }
        arguments += ["--task", task.rawValue, "--input", input, "--threads", String(threads)]
        if let output { arguments += ["--output", output] }
        let (report, outcome) = try runWorker(
            ChildProcess(arguments: arguments), what: "\(tool.rawValue) \(task.rawValue) (threads=\(threads))", dir: dir,
            isPeer: tool != .aigq)
        if !result.versions.contains(where: { $0.0 == tool.rawValue }) { result.versions.append((tool.rawValue, report.version)) }
        if report.rows != options.rows {
            result.problems.append(
                "\(tool.rawValue) \(task.rawValue) threads=\(threads) reported \(report.rows) rows, expected \(options.rows)")
        }
        return BenchmarkEntry.Sample(seconds: report.seconds, rows: report.rows, bytes: report.bytes, peakRSSBytes: outcome.peakRSSBytes)
    }

    /// Runs a measurement process and parses its JSON line.
    private func runWorker(_ child: ChildProcess, what: String, dir: String, isPeer: Bool = false) throws -> (report: WorkerReport, outcome: ChildProcess.Outcome) {
        try child.runReporting(what: what, scratch: dir, isPeer: isPeer)
    }

    /// Reads back the row count of a written file with our reader.
    private static func checkWritten(tool: BenchTool, threads: Int, path: String, expected: Int) -> WrittenFile {
        do {
            let reader = try ParquetFileReader(path: path)
            return WrittenFile(tool: tool, threads: threads, bytes: try fileSize(path), rowsReadBack: reader.rowCount, rowGroups: reader.rowGroupCount, error: nil)
        } catch {
            return WrittenFile(tool: tool, threads: threads, bytes: (try? fileSize(path)) ?? 0, rowsReadBack: nil, rowGroups: nil, error: "\(error)")
        }
    }

    /// `10M`, `1.5M`, `500k`, `123`.
    static func count(_ n: Int) -> String {
        if n >= 1_000_000 {
            return n % 1_000_000 == 0 ? "\(n / 1_000_000)M" : String(format: "%.1fM", Double(n) / 1e6)
        }
        if n >= 1000 { return n % 1000 == 0 ? "\(n / 1000)k" : String(format: "%.1fk", Double(n) / 1e3) }
        return String(n)
    }
}
