import Foundation

/// The stored form of a list: a JSON array `[{"query": "…", "score": 1.5}, …]`, best first, written
/// by hand so that the same list always gives the same bytes.
extension LookupEntry {
    /// The JSON text of `entries`; throws for a score that is not finite.
    static func json(_ entries: [LookupEntry], key: String) throws -> String {
        var out = "["
        for (index, entry) in entries.enumerated() {
            guard entry.score.isFinite else {
                throw LookupError(.invalidArgument, "key '\(key)': the score of '\(entry.query)' is \(entry.score); scores must be finite")
            }
            if index > 0 { out += "," }
            out += "{\"query\":"
            appendQuoted(entry.query, to: &out)
            out += ",\"score\":\(entry.score)}"
        }
        return out + "]"
    }

    /// The entries of a stored JSON list.
    static func entries(json: String, key: String, path: String) throws -> [LookupEntry] {
        do {
            return try JSONDecoder().decode([LookupEntry].self, from: Data(json.utf8))
        } catch {
            throw LookupError(.broken, "'\(path)': the list of key '\(key)' is not valid JSON (\(error)); rebuild the table")
        }
    }

    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
