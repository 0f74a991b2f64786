import CTRModel
import Foundation
import PipelineCore

/// `report.json` of `model_ctr`: how the day's model did on held-out rows beside the
/// popularity-only baseline, and the shipped model's features and weights.
struct CTRReport {
    /// How the held-out rows were chosen.
    enum Holdout: String {
        /// Trained on the window's days before the task's day, tested on the day.
        case day
        /// The first day (nothing earlier): a seeded share of users held out.
        case users
        /// `holdout: false`, or too few rows to test.
        case none
    }

    var day: String
    var holdout: Holdout
    /// One sentence on what was trained and tested on.
    var note: String
    var trainRows: Int
    var testRows: Int
    var model: BinaryMetrics?
    var popularity: BinaryMetrics?
    /// Rows and clicks the shipped model was fitted on, and its Newton iterations.
    var shippedRows: Int
    var shippedClicks: Int
    var shippedIterations: Int
    /// The shipped model (its standardised weights are listed with the features).
    var shipped: ClickModel

    /// The text: fixed key order, six decimals, a final newline.
    func json() -> String {
        func metrics(_ m: BinaryMetrics?) -> String {
            guard let m else { return "null" }
            return "{\"auc\": \(Self.number(m.auc)), \"logloss\": \(Self.number(m.logLoss)), \"rows\": \(m.rows), \"clicks\": \(m.clicks)}"
        }
        var lines = [
            "{",
            "  \"day\": \(Self.quoted(day)),",
            "  \"holdout\": \(Self.quoted(holdout.rawValue)),",
            "  \"note\": \(Self.quoted(note)),",
            "  \"train_rows\": \(trainRows),",
            "  \"test_rows\": \(testRows),",
            "  \"model\": \(metrics(model)),",
            "  \"popularity\": \(metrics(popularity)),",
            "  \"shipped\": {\"rows\": \(shippedRows), \"clicks\": \(shippedClicks), \"iterations\": \(shippedIterations), \"bias\": \(Self.number(shipped.bias))},",
            "  \"features\": [",
        ]
        let descriptions = Dictionary(uniqueKeysWithValues: CTRFeatures.all.map { ($0.name, $0.description) })
        for (i, name) in shipped.features.enumerated() {
            let fields = [
                "\"name\": \(Self.quoted(name))", "\"weight\": \(Self.number(shipped.weights[i]))",
                "\"description\": \(Self.quoted(descriptions[name] ?? ""))",
            ]
            lines.append("    {" + fields.joined(separator: ", ") + "}" + (i + 1 < shipped.features.count ? "," : ""))
        }
        lines.append("  ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        let text = String(format: "%.6f", value)
        return text == "-0.000000" ? "0.000000" : text
    }

    static func quoted(_ text: String) -> String { ParamValue.string(text).canonicalJSON }
}
