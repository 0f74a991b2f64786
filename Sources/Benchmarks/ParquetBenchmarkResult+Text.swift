import Foundation

extension ParquetBenchmarkResult {
    /// The report: header, table, ratios, goals, written files and checks.
    public func textLines() -> [String] {
        var out: [String] = []
        out.append("aigq bench parquet: \(rows) events, input \(String(format: "%.1f", mebibytes(inputBytes))) MiB (UNCOMPRESSED, written by aigq)")
        out.append("machine: \(machine.cpu), \(machine.cores) cores, \(String(format: "%.1f", machine.memGiB)) GiB")
        out.append("versions: " + versions.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        out.append("times exclude interpreter start, imports and input loading")
        out.append(String(format: "peak RSS: whole child process, ru_maxrss from wait4 (a child doing nothing reports %.0f MiB)", mebibytes(rssFloorBytes)))
        let tools = Set(entries.map(\.tool)).sorted()
        out.append("threads set by: " + tools.map { "\($0.rawValue) \($0.threadControl)" }.joined(separator: "; "))
        if !scanSource.isEmpty { out.append("every tool scans the same file: \(scanSource)") }
        out.append("")

        var table = [["work", "tool", "threads", "median s", "(min–max)", "throughput", "file MiB", "peak RSS MiB"]]
        for e in entries {
            table.append([
                e.work, e.tool.rawValue, String(e.threads), String(format: "%.3f", e.median),
                String(format: "(%.3f–%.3f)", e.min, e.max), String(format: "%.2f M rows/s", e.throughput / 1e6),
                e.writtenBytes.map { String(format: "%.1f", mebibytes($0)) } ?? "",
                String(format: "%.0f", e.peakRSSMiB),
            ])
        }
        out += Self.align(table, rightAligned: [2, 3, 5, 6, 7])

        let ratios = self.ratios
        if !ratios.isEmpty {
            out.append("")
            out.append("ours vs peers (peer median / our median; > 1 means we are faster):")
            var rt = [["work", "threads"] + BenchTool.peers.map { "vs \($0.rawValue)" }]
            var seen = Set<String>()
            for r in ratios where seen.insert("\(r.work)|\(r.threads)").inserted {
                rt.append([r.work, String(r.threads)] + BenchTool.peers.map { peer in
                    ratios.first { $0.work == r.work && $0.threads == r.threads && $0.vs == peer }
                        .map { String(format: "%.2f×", $0.ratio) } ?? "–"
                })
            }
            out += Self.align(rt, rightAligned: [1, 2, 3, 4])
        }

        out.append("")
        out.append("goals:")
        out += goals().map { "  " + $0 }

        out.append("")
        out.append("written files (read back with our reader):")
        for w in written {
            let rowsText = w.rowsReadBack.map { "\($0) rows in \(w.rowGroups ?? 0) row groups" } ?? "unreadable: \(w.error ?? "?")"
            out.append("  \(w.tool.rawValue) threads=\(w.threads): \(w.bytes) bytes, \(rowsText)")
        }
        let unreadable = written.filter { $0.rowsReadBack != rows }
        if problems.isEmpty && unreadable.isEmpty {
            out.append("checks: every run reported \(rows) rows and every written file holds \(rows) rows")
        } else {
            out += problems.map { "CHECK FAILED: \($0)" }
            out += unreadable.map { "CHECK FAILED: \($0.tool.rawValue)'s file (threads=\($0.threads)) reads back as \($0.rowsReadBack.map(String.init) ?? "unreadable"), expected \(rows) rows" }
        }
        if let directory { out.append("files kept in \(directory)") }
        return out
    }

    /// Whether every check passed.
    public var checksPassed: Bool { problems.isEmpty && written.allSatisfy { $0.rowsReadBack == rows } }

    /// Pads `rows` into columns separated by two spaces.
    static func align(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }
}
