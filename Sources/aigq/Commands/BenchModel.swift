import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench model`: the transformer engine beside PyTorch CPU.
struct BenchModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Time training, generation and a GRPO-shaped step of our transformer beside PyTorch CPU.",
        discussion: """
            Configs S (vocab 8192, d 128, 4 layers, 4 heads, context 64) and M (vocab 16384, d 256, 6 layers, \
            8 heads, context 128). train: batch 32 × context, tokens/s; generate: 64 prompts × 64 new tokens \
            (temperature 1, top-k 100, KV cache), new tokens/s; grpo: sample 64 completions of 64 tokens, \
            their log-probs, a weighted backward and AdamW, steps/s. Each measurement runs in its own process \
            after one warm-up (PyTorch: imports and torch.compile excluded). The ceiling is our sgemm rate on \
            the head's shape at the same thread count. PyTorch comes from --python, $AIGQ_TORCH_PYTHON or \
            .venv-torch/bin/python; create it with `python3 -m venv .venv-torch && \
            .venv-torch/bin/pip install -r Tests/Python/requirements-torch.txt`.
            """
    )

    @Option(help: "Threads for every tool (our workers, torch.set_num_threads).")
    var threads = 2

    @Option(help: "Measured repetitions per tool.")
    var reps = 3

    @Option(help: "Comma-separated configs: S, M.")
    var configs = "S,M"

    @Option(help: "Comma-separated tasks: train, generate, grpo.")
    var tasks = "train,generate,grpo"

    @Flag(name: .customLong("no-peers"), help: "Run aigq alone (no PyTorch).")
    var noPeers = false

    @Option(help: "The Python with torch (default: $AIGQ_TORCH_PYTHON, else .venv-torch/bin/python).")
    var python: String?

    @Option(
        name: .customLong("openblas-coretype"),
        help: "OPENBLAS_CORETYPE for our workers (e.g. SkylakeX where the installed OpenBLAS predates the CPU and falls back to Prescott).")
    var openblasCoretype: String?

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    func run() throws {
        let executable = currentExecutablePath()
        var options = ModelBenchmarkOptions(workerCommand: [executable, "bench", "model-worker"])
        options.threads = threads
        options.reps = reps
        options.configs = configs.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        options.tasks = try tasks.split(separator: ",").map { name in
            guard let task = ModelWorkload.Task(rawValue: name.trimmingCharacters(in: .whitespaces)), task != .sgemm else {
                throw ValidationError("--tasks takes train, generate, grpo (got '\(name)')")
            }
            return task
        }
        if let openblasCoretype { options.ourEnvironment["OPENBLAS_CORETYPE"] = openblasCoretype }
        var versions = ["aigq": AIGQ.configuration.version, "openblas_core": openblasCoretype ?? ModelWorkload.blasCore]
        if !noPeers {
            let chosen = python ?? ProcessInfo.processInfo.environment["AIGQ_TORCH_PYTHON"] ?? ".venv-torch/bin/python"
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw ValidationError(
                    "no Python at '\(chosen)'; create it with `python3 -m venv .venv-torch && .venv-torch/bin/pip install -r Tests/Python/requirements-torch.txt`, or pass --no-peers")
            }
            let script = FileManager.default.currentDirectoryPath + "/Tests/Python/bench_model_peer.py"
            guard FileManager.default.fileExists(atPath: script) else {
                throw ValidationError("cannot find Tests/Python/bench_model_peer.py; run from the repository root, or pass --no-peers")
            }
            options.peer = (chosen, script)
            versions["torch"] = "see Tests/Python/requirements-torch.txt"
        }
        let rows = try ModelBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        var out = StandardOutput()
        let machine = MachineInfo.current()
        if json {
            out.line(ModelBenchmark.json(rows, machine: machine, versions: versions))
        } else {
            ModelBenchmark.textLines(rows, machine: machine).forEach { out.line($0) }
        }
        out.flush()
    }
}
