import Foundation
import PipelineCore

extension MetricsReport {
    /// The `metrics.json` text: fixed key order, two-space indentation, six decimals, a final newline.
    public func json() -> String {
        var lines = ["{"]
        lines.append("  \"test_day\": \(Self.quoted(testDay)),")
        lines.append("  \"instances\": \(instances),")
        lines.append("  \"methods\": {" + (methods.isEmpty ? "}," : ""))
        for (m, method) in methods.enumerated() {
            let values = method.metrics.map { "\(Self.quoted($0.name)): \(Self.number($0.value))" }
            let intervals = method.metrics.compactMap { metric in
                metric.ci95.map { "\(Self.quoted(EvaluationMetric.intervalKey(metric.name))): \(Self.interval($0))" }
            }
            let fields = (values + intervals).map { "      " + $0 }.joined(separator: ",\n")
            lines.append("    \(Self.quoted(method.name)): {\n\(fields)\n    }" + (m + 1 < methods.count ? "," : ""))
        }
        if !methods.isEmpty { lines.append("  },") }
        lines.append("  \"pairs\": [" + (pairs.isEmpty ? "]" : ""))
        for (p, pair) in pairs.enumerated() {
            let fields = [
                "\"a\": \(Self.quoted(pair.a))", "\"b\": \(Self.quoted(pair.b))", "\"metric\": \(Self.quoted(pair.metric))",
                "\"diff\": \(Self.number(pair.diff))", "\"ci95\": \(Self.interval(pair.ci95))",
            ]
            lines.append("    {" + fields.joined(separator: ", ") + "}" + (p + 1 < pairs.count ? "," : ""))
        }
        if !pairs.isEmpty { lines.append("  ]") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number with six decimals (`-0` written as `0`; a non-finite value as `null`).
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = String(format: "%.6f", value)
        return text == "-0.000000" ? "0.000000" : text
    }

    private static func interval(_ interval: Interval) -> String {
        "[\(number(interval.lo)), \(number(interval.hi))]"
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String { ParamValue.string(text).canonicalJSON }
}
