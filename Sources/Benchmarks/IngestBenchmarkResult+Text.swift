import Foundation

extension IngestBenchmarkResult {
    /// The report: header, table, ratios, goals, checks.
    public func textLines() -> [String] {
        var out: [String] = []
        out.append("aigq bench ingest: \(events) events, one JSON Lines file of \(String(format: "%.1f", mebibytes(inputBytes))) MiB (aigq gen --scale, one day, one plain file)")
        out.append("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memGiB)) GiB; load average \(String(format: "%.1f", loadBefore)) before, \(String(format: "%.1f", loadAfter)) after (shared machine)")
        out.append("versions: " + versions.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("times exclude process start and imports; every tool writes zstd level 3")
        out.append(String(format: "peak RSS: whole child process, ru_maxrss from wait4 (a child doing nothing reports %.0f MiB)", mebibytes(rssFloorBytes)))
        out.append("aigq: the ingest stage (validation, normalised queries, quarantine, dims snapshots, events in 8 user buckets sorted by user and ts); peers: read_json/scan_ndjson/read_json with explicit columns → one Parquet file")
        out.append("threads set by: aigq StageContext.threads; duckdb SET threads; polars POLARS_MAX_THREADS; pyarrow pa.set_cpu_count + set_io_thread_count")
        out.append("")
        var table = [["work", "tool", "threads", "median s", "(min–max)", "events/s", "output MiB", "peak RSS MiB"]]
        for e in entries {
            table.append([
                e.work, e.tool.rawValue, String(e.threads), String(format: "%.2f", e.median), String(format: "(%.2f–%.2f)", e.min, e.max),
                String(format: "%.2f M", e.throughput / 1e6), e.writtenBytes.map { String(format: "%.1f", mebibytes($0)) } ?? "",
                String(format: "%.0f", e.peakRSSMiB),
            ])
        }
        out += ParquetBenchmarkResult.align(table, rightAligned: [2, 3, 5, 6, 7])
        let ratios = self.ratios
        if !ratios.isEmpty {
            out.append("")
            out.append("ours vs peers (peer median / our median; > 1 means we are faster), and peak RSS ours / theirs:")
            var rt = [["threads", "vs", "speed", "RSS"]]
            for r in ratios {
                let rss = entry(r.vs, threads: r.threads).flatMap { theirs in
                    entry(.aigq, threads: r.threads).map { $0.peakRSSMiB / max(theirs.peakRSSMiB, 1) }
                }
                rt.append([String(r.threads), r.vs.rawValue, String(format: "%.2f×", r.ratio), rss.map { String(format: "%.2f", $0) } ?? "–"])
            }
            out += ParquetBenchmarkResult.align(rt, rightAligned: [0, 2, 3])
        }
        out.append("")
        out.append("goals:")
        out += goals().map { "  " + $0 }
        out.append("")
        if problems.isEmpty {
            out.append("checks: every run wrote \(events) rows")
        } else {
            out += problems.map { "CHECK FAILED: \($0)" }
        }
        if let directory { out.append("files kept in \(directory)") }
        return out
    }

    /// The issue's goal at each thread count: ≥ 1.5× DuckDB's throughput at ≤ half its peak RSS.
    public func goals() -> [String] {
        guard withPeers else { return ["not measured (--no-peers)"] }
        return Array(Set(entries.map(\.threads))).sorted().compactMap { t in
            guard let ours = entry(.aigq, threads: t), let duck = entry(.duckdb, threads: t) else { return nil }
            let speed = duck.median / ours.median, rss = ours.peakRSSMiB / max(duck.peakRSSMiB, 1)
            let met = speed >= 1.5 && rss <= 0.5
            return String(format: "threads=%d: ≥ 1.5× DuckDB's throughput at ≤ half its peak RSS: %.2f× at %.2f of its RSS (%.0f vs %.0f MiB) — ", t, speed, rss, ours.peakRSSMiB, duck.peakRSSMiB)
                + (met ? "met" : "NOT met")
        }
    }
}
