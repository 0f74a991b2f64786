import ArgumentParser
import Benchmarks
import Foundation

/// `aigq bench orchestrator`: our runner beside GNU make, Snakemake and DVC on the same pipeline.
struct BenchOrchestrator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orchestrator",
        abstract: "Time no-op, touch and content-change runs of one pipeline in aigq, make, make -r, Snakemake and DVC.",
        discussion: """
            Generates --shards deterministic shards of --shard-kb kB and gives every tool its own copy \
            and the same 7-stage pipeline of shell commands (ingest per shard → sessions → rerank → sft \
            → grpo → export; ingest → think → export): a pipeline.yaml, a Makefile (run as `make` and \
            `make -r`), a Snakefile and a dvc.yaml. Scenarios: a full build (one cold run each), a \
            no-op, a touch of one shard, a content change of that shard; 1 warm-up + --reps runs, tools \
            alternating. Times are the wall time of the whole tool process (process and interpreter \
            start included); tasks rerun are counted from lines the commands append to tasks.log. \
            Progress goes to stderr, the table (or --json) to stdout. DVC and Snakemake run from the \
            venv of --venv, $AIGQ_ORCHESTRATOR_VENV or .venv-orchestrator; create it with \
            `python3 -m venv .venv-orchestrator && echo '*' > .venv-orchestrator/.gitignore && \
            .venv-orchestrator/bin/pip install -r Tests/Python/requirements-orchestrator.txt`; make \
            comes from apt (`apt-get install -y make`).
            """
    )

    @Option(help: "Input shards (one ingest task each).")
    var shards = 1000

    @Option(name: .customLong("shard-kb"), help: "Size of each shard in kB (1000 bytes).")
    var shardKB = 100

    @Option(help: "Measured repetitions per scenario and tool after one warm-up (default 3; 5 when every warm-up is under a second).")
    var reps: Int?

    @Option(help: "Tasks run side by side by every tool that can (DVC runs one stage at a time).")
    var jobs = 2

    @Option(help: "Comma-separated peers to run beside aigq: make, make-r, snakemake, dvc (default: all).")
    var tools = "make,make-r,snakemake,dvc"

    @Option(help: "Folder for the tools' folders (default: a fresh temporary folder).")
    var dir: String?

    @Flag(help: "Keep the tools' folders after the run.")
    var keep = false

    @Flag(name: .customLong("no-peers"), help: "Run aigq alone.")
    var noPeers = false

    @Option(help: "The venv with dvc and snakemake (default: $AIGQ_ORCHESTRATOR_VENV, else .venv-orchestrator).")
    var venv: String?

    @Flag(help: "Print one JSON document instead of the table.")
    var json = false

    func run() throws {
        let executable = currentExecutablePath()
        var options = OrchestratorBenchmarkOptions(executable: executable, version: AIGQ.configuration.version)
        options.shards = shards
        options.shardKB = shardKB
        options.reps = reps
        options.jobs = jobs
        options.directory = dir
        options.keep = keep
        options.peerTools = try tools.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let tool = OrchestratorTool(slug: name), tool != .aigq else {
                throw ValidationError("--tools takes peers among make, make-r, snakemake, dvc (got '\(name)')")
            }
            return tool
        }
        if !noPeers {
            options.peers = try OrchestratorPeers.locate(
                venv: venv, environment: ProcessInfo.processInfo.environment, executable: executable,
                needsVenv: options.peerTools.contains(.dvc) || options.peerTools.contains(.snakemake))
        }
        let result = try OrchestratorBenchmark(options: options).run { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        BenchReport.print(json: json, document: result.json, goals: result.goals, text: result.textLines)
        if !result.checksPassed { throw ExitCode.failure }
    }
}
