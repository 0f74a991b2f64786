import Foundation

extension SessionsBenchmarkResult {
    /// The report: header, table, ratios, goals and the output checks.
    public func textLines() -> [String] {
        var out: [String] = []
        out.append("aigq bench sessions: \(events) events of one day, input \(String(format: "%.1f", mebibytes(inputBytes))) MiB (16 user-keyed zstd shards + users/items/queries)")
        out.append("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memGiB)) GiB")
        out.append("versions: " + versions.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("work: read the shards and dims, make direct_sessions + behaviors (histories of 32), write zstd Parquet; times exclude interpreter start and imports")
        out.append(String(format: "peak RSS: whole child process, ru_maxrss from wait4 (a child doing nothing reports %.0f MiB)", mebibytes(rssFloorBytes)))
        out.append("threads set by: aigq buckets on N threads (SessionsJob); polars POLARS_MAX_THREADS; duckdb SET threads")
        out.append("")
        var table = [["work", "tool", "threads", "median s", "(min–max)", "throughput", "output MiB", "peak RSS MiB"]]
        for e in entries {
            table.append([
                e.work, e.tool.rawValue, String(e.threads), String(format: "%.3f", e.median), String(format: "(%.3f–%.3f)", e.min, e.max),
                String(format: "%.2f M events/s", e.throughput / 1e6), String(format: "%.1f", mebibytes(e.outputBytes)),
                String(format: "%.0f", e.peakRSSMiB),
            ])
        }
        out += ParquetBenchmarkResult.align(table, rightAligned: [2, 3, 5, 6, 7])
        if !ratios.isEmpty {
            out.append("")
            out.append("ours vs peers (peer median / our median; > 1 means we are faster):")
            var rt = [["threads", "vs polars", "vs duckdb"]]
            for t in Array(Set(ratios.map(\.threads))).sorted() {
                rt.append([String(t)] + [BenchTool.polars, .duckdb].map { peer in
                    ratios.first { $0.threads == t && $0.vs == peer }.map { String(format: "%.2f×", $0.ratio) } ?? "–"
                })
            }
            out += ParquetBenchmarkResult.align(rt, rightAligned: [0, 1, 2])
        }
        out.append("")
        out.append("goals:")
        out += goals().map { "  " + $0 }
        out.append("")
        out.append("outputs (rows, checksum of the canonical rows):")
        for o in outputs {
            out.append("  \(o.tool.rawValue): direct_sessions \(o.directRows) rows \(o.directSum), behaviors \(o.behaviorRows) rows \(o.behaviorSum)")
        }
        if checksPassed {
            out.append("checks: every run read \(events) events and every tool's outputs equal ours")
        } else {
            out += (problems + mismatches).map { "CHECK FAILED: \($0)" }
        }
        if let directory { out.append("files kept in \(directory)") }
        return out
    }
}
