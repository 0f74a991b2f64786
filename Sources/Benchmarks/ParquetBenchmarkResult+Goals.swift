import Foundation

extension ParquetBenchmarkResult {
    /// The goals of our issue and whether this run met them:
    /// write ≥ 1.0× pyarrow (zstd-3) at every thread count, full scan ≥ 1.0× Polars on 2 threads,
    /// our zstd file within 10 % of pyarrow's.
    public func goals() -> [String] {
        guard withPeers else { return ["not measured (--no-peers)"] }
        var out: [String] = []
        let threads = Array(Set(entries.map(\.threads))).sorted()

        let writes = threads.compactMap { t in ratio(.write, threads: t, vs: .pyarrow).map { (t, $0) } }
        let writeMet = !writes.isEmpty && writes.allSatisfy { $0.1 >= 1.0 }
        out.append(
            "write ≥ 1.0× pyarrow (zstd-3): "
                + writes.map { String(format: "threads=%d %.2f×", $0.0, $0.1) }.joined(separator: ", ")
                + (writeMet ? " — met" : " — NOT met"))

        if let scan = ratio(.scan, threads: 2, vs: .polars) {
            out.append(String(format: "full scan ≥ 1.0× Polars on 2 threads: %.2f× — ", scan) + (scan >= 1.0 ? "met" : "NOT met"))
        } else {
            out.append("full scan ≥ 1.0× Polars on 2 threads: not measured (add 2 to --threads)")
        }

        if let t = threads.first, let ours = entry(.write, tool: .aigq, threads: t)?.writtenBytes,
            let theirs = entry(.write, tool: .pyarrow, threads: t)?.writtenBytes, theirs > 0
        {
            let delta = Double(ours - theirs) / Double(theirs) * 100
            out.append(
                String(
                    format: "zstd file within 10%% of pyarrow's: %.1f MiB vs %.1f MiB (%+.1f%%) — ",
                    mebibytes(ours), mebibytes(theirs), delta) + (abs(delta) <= 10 ? "met" : "NOT met"))
        }
        return out
    }
}
