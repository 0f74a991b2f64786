import Foundation
import Stages

/// The text table of `aigq eval`.
enum EvalTable {
    /// Methods as rows (value line, then interval line), `oracle` after a rule; then the pairs.
    static func lines(_ report: MetricsReport, metrics: [String]) -> [String] {
        var cells: [[String]] = [["method"] + metrics]
        var ruleBefore: Int?
        for method in report.methods {
            if method.name == "oracle" { ruleBefore = cells.count }
            cells.append([method.name] + metrics.map { method.metric($0).map { value($0.value) } ?? "-" })
            cells.append([""] + metrics.map { method.metric($0)?.ci95.map { interval($0.lo, $0.hi) } ?? "" })
        }
        let widths = cells[0].indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        var lines: [String] = []
        for (r, row) in cells.enumerated() {
            if r == ruleBefore { lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))) }
            lines.append(row.enumerated().map { c, text in c == 0 ? pad(text, widths[c]) : leftPad(text, widths[c]) }
                .joined(separator: "  ").trimmingTrailingSpaces())
        }
        let pairs = report.pairs.filter { metrics.contains($0.metric) }
        guard !pairs.isEmpty else { return lines }
        lines.append("")
        lines.append("paired differences a - b (95% bootstrap interval):")
        let names = pairs.map { "\($0.a) - \($0.b)" }
        let nameWidth = names.map(\.count).max() ?? 0
        let metricWidth = pairs.map(\.metric.count).max() ?? 0
        for (pair, name) in zip(pairs, names) {
            lines.append(
                "\(pad(name, nameWidth))  \(pad(pair.metric, metricWidth))  \(signed(pair.diff, 4))  [\(signed(pair.ci95.lo, 3)), \(signed(pair.ci95.hi, 3))]")
        }
        return lines
    }

    private static func value(_ x: Double) -> String { String(format: "%.4f", x) }

    private static func interval(_ lo: Double, _ hi: Double) -> String { String(format: "[%.3f, %.3f]", lo, hi) }

    private static func signed(_ x: Double, _ decimals: Int) -> String {
        let text = String(format: "%+.\(decimals)f", x)
        return text.hasPrefix("-") && Double(text) == 0 ? "+" + text.dropFirst() : text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
