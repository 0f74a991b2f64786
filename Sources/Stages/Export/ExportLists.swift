import Columnar
import Foundation
import LookupFormat

/// A table's lists as exported: per key, at most `n` distinct queries, best first (by rank, then
/// score descending, then query), ranks renumbered 1…. Empty queries are dropped.
struct ExportLists {
    /// One key's list.
    struct Group {
        /// The lookup key (`"42"`, `"*"` for user -1, `search:帐篷`).
        var key: String
        /// The numeric user id, for u2q.
        var user: Int64
        /// The queries and scores, best first.
        var entries: [LookupEntry]
    }

    /// The groups in table order (u2q: user ascending, so the default list first; x2q: trigger bytes).
    var groups: [Group]
    /// Rows read from the input.
    var rowsIn: Int

    /// Rows kept.
    var rows: Int { groups.reduce(0) { $0 + $1.entries.count } }

    /// Reads `files` of `source` and keeps `n` queries per key.
    init(_ source: ExportTableSource, files: [String], n: Int, threads: Int) throws {
        let batch = try DatasetFiles.readAll(files, schema: source.schema, threads: threads)
        let ranks = try batch.int32s("rank")
        let queries = try batch.strings("query")
        let scores = try batch.doubles("score")
        let users = source.key == .user ? try batch.int64s("user") : []
        let triggers = source.key == .trigger ? try batch.strings("trigger") : ByteArrayColumn(strings: [])
        let triggerText = (0..<triggers.count).map { triggers.string(at: $0) }
        func keyName(_ row: Int) -> String {
            source.key == .user ? "user \(users[row])" : "trigger '\(triggerText[row])'"
        }

        for row in 0..<batch.rowCount where !scores[row].isFinite {
            throw StageError(.badInput, "\(source.dataset): the score of \(keyName(row))'s query '\(queries.string(at: row))' is \(scores[row]); rerun the stage that writes \(source.dataset)")
        }
        // Best first within a key: rank, then score descending, then query bytes (ties only).
        // Keys and queries compare by UTF-8 bytes (as the lookup file does), not by Unicode equivalence.
        func sameTrigger(_ i: Int, _ j: Int) -> Bool { triggerText[i].utf8.elementsEqual(triggerText[j].utf8) }
        let order = (0..<batch.rowCount).sorted { i, j in
            if source.key == .user, users[i] != users[j] { return users[i] < users[j] }
            if source.key == .trigger, !sameTrigger(i, j) {
                return triggerText[i].utf8.lexicographicallyPrecedes(triggerText[j].utf8)
            }
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            if scores[i] != scores[j] { return scores[i] > scores[j] }
            let (a, b) = (queries.string(at: i).utf8, queries.string(at: j).utf8)
            return a.elementsEqual(b) ? i < j : a.lexicographicallyPrecedes(b)
        }

        var groups: [Group] = []
        var seen: Set<String> = []
        var full = false
        var previous: Int?
        for row in order {
            let sameKey = previous.map { source.key == .user ? users[$0] == users[row] : sameTrigger($0, row) }
            previous = row
            if sameKey != true {
                let key: String
                if source.key == .user {
                    key = users[row] == -1 ? LookupTable.defaultKey : String(users[row])
                } else {
                    key = triggerText[row]
                }
                groups.append(Group(key: key, user: source.key == .user ? users[row] : 0, entries: []))
                seen.removeAll(keepingCapacity: true)
                full = false
            }
            guard !full else { continue }
            let query = queries.string(at: row)
            guard !query.isEmpty, seen.insert(query).inserted else { continue }
            groups[groups.count - 1].entries.append(LookupEntry(query: query, score: scores[row]))
            full = groups[groups.count - 1].entries.count == n
        }
        self.groups = groups.filter { !$0.entries.isEmpty }
        self.rowsIn = batch.rowCount
    }

    /// The rows of `table.parquet`: the source's schema, in table order, ranks 1….
    func batch(_ source: ExportTableSource) throws -> RecordBatch {
        var out = BatchBuilder(source.schema)
        for group in groups {
            for (index, entry) in group.entries.enumerated() {
                if source.key == .user {
                    out["user"].append(int64: group.user)
                } else {
                    out["trigger"].append(string: group.key)
                }
                out["rank"].append(int32: Int32(index + 1))
                out["query"].append(string: entry.query)
                out["score"].append(double: entry.score)
            }
        }
        return try out.build()
    }

    /// The groups in lookup-file order (UTF-8 bytes of the key).
    var lookupOrder: [Group] { groups.sorted { LookupTableWriter.precedes($0.key, $1.key) } }
}
