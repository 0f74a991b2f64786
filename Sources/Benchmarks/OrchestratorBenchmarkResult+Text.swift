import Foundation

extension OrchestratorBenchmarkResult {
    /// The report: header, table, ratios, goals and checks.
    public func textLines() -> [String] {
        var out: [String] = []
        out.append(
            "aigq bench orchestrator: 7-stage pipeline (ingest per shard → sessions → rerank → sft → grpo → export; ingest → think → export), "
                + "\(shards) shards × \(shardKB) kB = \(pipelineTasks) tasks")
        out.append("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memGiB)) GiB")
        out.append("versions: " + versions.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("times: wall time of the whole tool process, process and interpreter start included (an orchestrator is paid per invocation)")
        out.append(String(format: "peak RSS: largest process of the tool's tree, ru_maxrss from wait4 (a child doing nothing reports %.0f MiB)", mebibytes(rssFloorBytes)))
        let tools = Set(entries.map(\.tool)).sorted()
        out.append("jobs set by: " + tools.map { $0.jobControl(jobs) }.joined(separator: "; "))
        out.append("tasks rerun: lines appended to tasks.log by the tasks' own commands (tool-independent)")
        out.append("full build: one cold run per tool; other scenarios: 1 warm-up + repetitions, tools alternating, each in its own copy of the shards")
        out.append("touch / change: \(target).txt (touch: new mtime, same bytes; change: a few bytes rewritten in place, same size)")
        out.append("")

        var table = [["work", "tool", "jobs", "median s", "(min–max)", "runs", "tasks rerun", "peak RSS MiB"]]
        for e in entries {
            table.append([
                e.scenario.rawValue, e.tool.rawValue, String(e.jobs), String(format: "%.3f", e.median),
                String(format: "(%.3f–%.3f)", e.min, e.max), String(e.samples.count), e.tasksRerunText,
                String(format: "%.0f", e.peakRSSMiB),
            ])
        }
        out += ParquetBenchmarkResult.align(table, rightAligned: [2, 3, 4, 5, 6, 7])

        let ratios = self.ratios
        if !ratios.isEmpty {
            out.append("")
            out.append("ours vs peers (peer median / our median; > 1 means we are faster):")
            let peers = OrchestratorTool.peers.filter { peer in ratios.contains { $0.vs == peer } }
            var rt = [["work"] + peers.map { "vs \($0.rawValue)" }]
            for scenario in OrchestratorScenario.allCases where ratios.contains(where: { $0.scenario == scenario }) {
                rt.append([scenario.rawValue] + peers.map { peer in
                    ratio(scenario, vs: peer).map { String(format: "%.2f×", $0) } ?? "–"
                })
            }
            out += ParquetBenchmarkResult.align(rt, rightAligned: Set(1...peers.count))
        }

        out.append("")
        out.append("goals:")
        out += goals().map { "  " + $0 }
        let byDesign = [OrchestratorTool.make, .makeR, .snakemake].filter { (entry(.touch, $0)?.maxTasksRerun ?? 0) > 0 }
        if !byDesign.isEmpty {
            out.append("  (" + byDesign.map(\.rawValue).joined(separator: ", ") + " rerun on a touch by design: they compare modification times, not contents)")
        }
        if let snake = entry(.touch, .snakemake), snake.maxTasksRerun == 0, shardKB * 1000 <= 1_000_000 {
            out.append("  (Snakemake reruns nothing on a touch here: it records checksums of inputs up to 1 MB and ignores a newer mtime when they match)")
        }

        out.append("")
        if problems.isEmpty {
            out.append("checks: every full build ran \(pipelineTasks) tasks and every tool ended each scenario with the same \(OrchestratorPipeline.finalOutput) as aigq")
        } else {
            out += problems.map { "CHECK FAILED: \($0)" }
        }
        if let directory { out.append("folders kept in \(directory)") }
        return out
    }
}
