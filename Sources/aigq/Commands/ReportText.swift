import Runner

/// Text rendering of run reports.
enum ReportText {
    /// One line per task: key, outcome, causes or error.
    static func lines(_ report: RunReport, dryRun: Bool) -> [String] {
        let width = report.outcomes.map(\.task.count).max() ?? 0
        return report.outcomes.map { outcome in
            let padded = outcome.task.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "\(padded)  \(outcome.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))"
            if let error = outcome.error {
                line += "  " + error
            } else if !outcome.causes.isEmpty, outcome.status != .fresh {
                line += "  " + outcome.causes.joined(separator: "; ")
            }
            if outcome.status == .ran { line += String(format: "  (%.2f s)", outcome.seconds) }
            return line
        }
    }
}

/// JSON rendering of run reports.
enum ReportJSON {
    static func encode(_ report: RunReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}

import Foundation
