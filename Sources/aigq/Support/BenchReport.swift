import Foundation

/// How every `aigq bench …` prints its result: the table on stdout, or with `--json` one JSON document
/// on stdout and the goals on stderr.
enum BenchReport {
    /// Prints `text`, or `document` and `goals` when `json`.
    static func print(json: Bool, document: () -> String, goals: () -> [String], text: () -> [String]) {
        var out = StandardOutput()
        if json {
            out.line(document())
            for goal in goals() { FileHandle.standardError.write(Data(("goal: " + goal + "\n").utf8)) }
        } else {
            text().forEach { out.line($0) }
        }
        out.flush()
    }
}
