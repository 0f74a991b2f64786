// `aigq bench model`: training, generation and a GRPO-shaped step of our transformer beside PyTorch CPU
// (eager, and torch.compile for training), same shapes and thread count, each measurement in its own
// process, plus the machine's sgemm rate as the ceiling (spec/bench.md).
import Foundation

/// What `aigq bench model` runs.
public struct ModelBenchmarkOptions: Sendable {
    /// Our worker: `[aigq, "bench", "model-worker"]`.
    public var workerCommand: [String]
    /// Threads for every tool.
    public var threads = 2
    /// Measured repetitions per tool (each after the worker's own warm-up).
    public var reps = 3
    /// `S`, `M` or both.
    public var configs = ["S", "M"]
    /// Tasks to run.
    public var tasks: [ModelWorkload.Task] = [.train, .generate, .grpo]
    /// Extra environment of our workers (e.g. `OPENBLAS_CORETYPE`).
    public var ourEnvironment: [String: String] = [:]
    /// The torch venv's Python and the peer script; `nil` runs ours alone.
    public var peer: (python: String, script: String)?

    /// Options with our worker command.
    public init(workerCommand: [String]) { self.workerCommand = workerCommand }
}

/// One tool's figures for one piece of work.
public struct ModelBenchmarkRow: Sendable {
    public var work: String
    public var tool: String
    public var threads: Int
    public var seconds: [Double]
    public var unitsPerRun: Double
    public var unit: String
    public var peakRSSMiB: Double
    public var gflopsPerUnit: Double?
    public var ceilingGflops: Double?

    public var median: Double { seconds.sorted()[seconds.count / 2] }
    public var throughput: Double { unitsPerRun / median }
    public var gflops: Double? { gflopsPerUnit.map { $0 * throughput } }
}

/// Runs the model benchmark.
public struct ModelBenchmark {
    public var options: ModelBenchmarkOptions

    public init(options: ModelBenchmarkOptions) { self.options = options }

    static let stepsPerRun: [ModelWorkload.Task: Int] = [.train: 3, .generate: 1, .grpo: 1, .sgemm: 10]

    /// Runs every configuration and task, alternating tools within each repetition.
    public func run(progress: (String) -> Void) throws -> [ModelBenchmarkRow] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aigq-bench-model-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var rows: [ModelBenchmarkRow] = []
        for name in options.configs {
            guard let config = ModelBenchConfig.all.first(where: { $0.name == name }) else {
                throw BenchmarkError("unknown model config '\(name)'; use S or M")
            }
            var ceiling = [Double]()
            for _ in 0..<options.reps {
                let report = try measure(tool: "aigq", task: .sgemm, config: config, scratch: scratch)
                ceiling.append(report.units / report.seconds / 1e9)
            }
            let ceilingGflops = ceiling.sorted()[ceiling.count / 2]
            progress("\(name): sgemm ceiling \(String(format: "%.1f", ceilingGflops)) GFLOP/s at \(options.threads) threads")
            for task in options.tasks {
                var tools = ["aigq"]
                if options.peer != nil { tools += task == .train ? ["torch eager", "torch compile"] : ["torch eager"] }
                var seconds = [String: [Double]](), rss = [String: Double](), units = [String: Double]()
                for rep in 0..<options.reps {
                    for tool in tools {
                        let report = try measure(tool: tool, task: task, config: config, scratch: scratch)
                        seconds[tool, default: []].append(report.seconds)
                        rss[tool] = max(rss[tool] ?? 0, report.peakRSSMiB)
                        units[tool] = report.units
                        progress("\(task.rawValue) \(name) \(tool) rep \(rep + 1): \(String(format: "%.3f", report.seconds)) s")
                    }
                }
                for tool in tools {
                    let (unit, perUnit): (String, Double?) =
                        switch task {
                        case .train: ("tokens/s", config.trainingFlopsPerToken / 1e9)
                        case .generate: ("new tokens/s", nil)
                        case .grpo, .sgemm: ("steps/s", nil)
                        }
                    rows.append(
                        ModelBenchmarkRow(
                            work: "\(task.rawValue) \(name)", tool: tool, threads: options.threads,
                            seconds: seconds[tool] ?? [], unitsPerRun: units[tool] ?? 0, unit: unit,
                            peakRSSMiB: rss[tool] ?? 0, gflopsPerUnit: perUnit,
                            ceilingGflops: task == .train ? ceilingGflops : nil))
                }
            }
        }
        return rows
    }

    struct Report {
        var seconds: Double
        var units: Double
        var peakRSSMiB: Double
    }

    func measure(tool: String, task: ModelWorkload.Task, config: ModelBenchConfig, scratch: String) throws -> Report {
        let steps = Self.stepsPerRun[task] ?? 1
        var arguments: [String]
        var environment: [String: String] = [:]
        if tool == "aigq" {
            environment = options.ourEnvironment
            arguments = options.workerCommand + [
                "--task", task.rawValue, "--config", config.name, "--threads", "\(options.threads)", "--steps", "\(steps)",
            ]
        } else {
            guard let peer = options.peer else { throw BenchmarkError("no PyTorch peer configured") }
            arguments = [
                peer.python, peer.script, "--task", task.rawValue, "--config", config.name,
                "--threads", "\(options.threads)", "--mode", tool == "torch compile" ? "compile" : "eager",
                "--steps", "\(steps)",
            ]
            environment = ["OMP_NUM_THREADS": "\(options.threads)", "MKL_NUM_THREADS": "\(options.threads)"]
        }
        let outcome = try ChildProcess(arguments: arguments, environment: environment).run(scratch: scratch)
        guard outcome.exitCode == 0,
            let line = outcome.standardOutput.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let seconds = (object["seconds"] as? NSNumber)?.doubleValue,
            let units = (object["units"] as? NSNumber)?.doubleValue
        else {
            throw BenchmarkError(
                "'\(ChildProcess(arguments: arguments).commandLine)' failed (exit \(outcome.exitCode)): "
                    + String(outcome.standardError.suffix(600)))
        }
        return Report(seconds: seconds, units: units, peakRSSMiB: Double(outcome.peakRSSBytes) / 1_048_576)
    }

    /// The table: one line per tool and work, with our ratio against each peer (> 1: we are faster).
    public static func textLines(_ rows: [ModelBenchmarkRow], machine: MachineInfo) -> [String] {
        var lines = [
            "machine: \(machine.cpu), \(machine.cores) cores, \(machine.memGiB) GiB",
            "work        tool           thr   median s  (min–max)          throughput          GFLOP/s  of sgemm  RSS MiB",
        ]
        for row in rows {
            let spread = String(format: "(%.3f–%.3f)", row.seconds.min() ?? 0, row.seconds.max() ?? 0)
            let gflops = row.gflops.map { String(format: "%7.1f", $0) } ?? "      –"
            var fraction = "      –"
            if let achieved = row.gflops, let ceiling = row.ceilingGflops {
                fraction = String(format: "%6.0f%%", 100 * achieved / ceiling)
            }
            lines.append(
                row.work.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + row.tool.padding(toLength: 15, withPad: " ", startingAt: 0)
                    + String(format: "%3d  %9.3f  ", row.threads, row.median)
                    + spread.padding(toLength: 19, withPad: " ", startingAt: 0)
                    + String(format: "%10.1f ", row.throughput) + row.unit.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + gflops + "  " + fraction + String(format: "  %7.0f", row.peakRSSMiB))
        }
        for row in rows where row.tool == "aigq" {
            for peer in rows where peer.work == row.work && peer.tool != "aigq" {
                lines.append(String(format: "ratio %@ vs %@: %.2fx", row.work, peer.tool, row.throughput / peer.throughput))
            }
        }
        return lines
    }

    /// The JSON document of spec/bench.md, with `gflops`, `ceiling_gflops` and `ceiling_fraction` on training rows.
    public static func json(_ rows: [ModelBenchmarkRow], machine: MachineInfo, versions: [String: String]) -> String {
        var items: [JSONValue] = []
        for row in rows {
            var members: [(String, JSONValue)] = [
                ("work", .string(row.work)), ("tool", .string(row.tool)), ("threads", .int(row.threads)),
                ("median_s", .double(row.median)), ("min_s", .double(row.seconds.min() ?? 0)),
                ("max_s", .double(row.seconds.max() ?? 0)), ("throughput", .double(row.throughput)),
                ("unit", .string(row.unit)), ("peak_rss_mib", .double(row.peakRSSMiB.rounded())),
            ]
            if let gflops = row.gflops, let ceiling = row.ceilingGflops {
                members += [
                    ("gflops", .double(gflops)), ("ceiling_gflops", .double(ceiling)),
                    ("ceiling_fraction", .double(gflops / ceiling)),
                ]
            }
            items.append(.object(members))
        }
        var ratios: [JSONValue] = []
        for row in rows where row.tool == "aigq" {
            for peer in rows where peer.work == row.work && peer.tool != "aigq" {
                ratios.append(
                    .object([
                        ("work", .string(row.work)), ("threads", .int(row.threads)), ("vs", .string(peer.tool)),
                        ("ratio", .double(row.throughput / peer.throughput)),
                    ]))
            }
        }
        return JSONValue.object([
            ("bench", .string("model")),
            ("machine", .object([("cpu", .string(machine.cpu)), ("cores", .int(machine.cores)), ("mem_gib", .double(machine.memGiB))])),
            ("versions", .object(versions.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("rows", .array(items)), ("ratios", .array(ratios)),
        ]).text
    }
}
