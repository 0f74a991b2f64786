import Foundation

extension OrchestratorBenchmarkResult {
    /// The goals of our issue and whether this run met them: no-op ≤ 2× `make -r` and ≥ 40× faster
    /// than DVC; a touch reruns nothing; a content change reruns only that shard's task and what
    /// depends on it.
    public func goals() -> [String] {
        var out: [String] = []
        if withPeers {
            if let r = ratio(.noop, vs: .makeR), let ours = entry(.noop, .aigq), let theirs = entry(.noop, .makeR) {
                out.append(
                    String(format: "no-op ≤ 2× make -r: %.3f s vs %.3f s (%.2f× make -r's time) — ", ours.median, theirs.median, 1 / r)
                        + (r >= 0.5 ? "met" : "NOT met"))
            } else {
                out.append("no-op ≤ 2× make -r: not measured (add make-r to --tools)")
            }
            if let r = ratio(.noop, vs: .dvc) {
                out.append(String(format: "no-op ≥ 40× faster than DVC: %.1f× — ", r) + (r >= 40 ? "met" : "NOT met"))
            } else {
                out.append("no-op ≥ 40× faster than DVC: not measured (add dvc to --tools)")
            }
        } else {
            out.append("no-op ≤ 2× make -r, ≥ 40× faster than DVC: not measured (--no-peers)")
        }
        if let touch = entry(.touch, .aigq) {
            let counts = touch.samples.map(\.tasks.count)
            let met = counts.allSatisfy { $0 == 0 }
            out.append("touch reruns nothing: aigq reran \(touch.tasksRerunText) tasks — " + (met ? "met" : "NOT met"))
        }
        if let change = entry(.change, .aigq) {
            let expected = OrchestratorPipeline.dependents(ofShard: target)
            let wrong = change.samples.map { Set($0.tasks) }.first { $0 != expected }
            let dupes = change.samples.contains { Set($0.tasks).count != $0.tasks.count }
            let met = wrong == nil && !dupes
            var line = "content change reruns only that shard's task and its dependents (\(expected.count): ingest \(target).txt + \(OrchestratorPipeline.downstream.count) later stages): aigq reran \(change.tasksRerunText) — "
            line += met ? "met" : "NOT met"
            if let wrong {
                let extra = wrong.subtracting(expected).sorted().prefix(5)
                let missing = expected.subtracting(wrong).sorted()
                if !extra.isEmpty { line += "; extra: " + extra.joined(separator: ", ") }
                if !missing.isEmpty { line += "; missing: " + missing.joined(separator: ", ") }
            }
            out.append(line)
        }
        return out
    }
}
