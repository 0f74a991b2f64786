import Foundation

/// The oracle baseline: the generator's latent truth for the next day (`truth/dt=D+1/oracle.jsonl`,
/// lines `{"user": 7, "queries": ["…", …]}`), copied as ranked lists (normalised, distinct, cut to K;
/// score = K − rank + 1). Absent truth gives no rows.
enum OracleTruth {
    /// The file name read among the `truth` inputs.
    static let fileName = "oracle.jsonl"

    /// The oracle lists of the `truth` files `files` whose day is `day` (or that have no day).
    static func rows(truthFiles files: [String], day: String, k: Int) throws -> U2QRows {
        var lists: [Int64: [String]] = [:]
        for file in files.sorted() where (file as NSString).lastPathComponent == fileName {
            if let fileDay = DatasetFiles.day(of: file), fileDay != day { continue }
            try read(file, k: k, into: &lists)
        }
        var out = U2QRows()
        for user in lists.keys.sorted() {
            let queries = lists[user] ?? []
            out.append(user: user, queries.enumerated().map { ($1, Double(k - $0)) })
        }
        return out
    }

    private static func read(_ file: String, k: Int, into lists: inout [Int64: [String]]) throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw StageError(.io, "cannot read the oracle truth '\(file)'; check its permissions or regenerate it with `aigq gen`")
        }
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            let place = "\(file):\(index + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let userNumber = object["user"] as? NSNumber, let raw = object["queries"] as? [Any]
            else {
                throw StageError(.badInput, "\(place): expected {\"user\": <int>, \"queries\": [<string>, …]}; regenerate the truth with `aigq gen`")
            }
            let user = userNumber.int64Value
            guard lists[user] == nil else {
                throw StageError(.badInput, "\(place): user \(user) has a second line; each user may appear once")
            }
            var seen = Set<String>()
            var queries: [String] = []
            for case let q as String in raw {
                let normalized = QueryText.normalize(q)
                if !normalized.isEmpty, queries.count < k, seen.insert(normalized).inserted { queries.append(normalized) }
            }
            lists[user] = queries
        }
    }
}
