import CSimdJSON
import Columnar

/// The normalised queries of every worker in one table (global ids), with each worker's map from
/// its own canonical ids to global ones, and the day's counts per global id.
struct GlobalQueries {
    /// Texts by global id.
    private(set) var pool = QueryPool()
    /// Per worker: its query id → global id (-1 for ids that are not normalised texts).
    private(set) var remaps: [[Int32]] = []
    private var searches: [Int64] = []
    private var hintClicks: [Int64] = []
    private var candidateCount: [Int64] = []
    private var logged: [Bool] = []

    /// Gathers the workers' tables.
    init(workers: [IngestWorker]) {
        guard let table = aigq_strtab_create() else { preconditionFailure("out of memory") }
        defer { aigq_strtab_destroy(table) }
        for w in workers {
            let strings = w.strings
            var remap = [Int32](repeating: -1, count: strings.count)
            for id in 0..<strings.count where strings.canonical[id] == Int32(id) {
                let text = strings.bytes(Int32(id))
                let g = aigq_strtab_intern(table, text.baseAddress, text.count)
                if Int(g) == pool.count {
                    pool.append(text)
                    searches.append(0)
                    hintClicks.append(0)
                    candidateCount.append(0)
                    logged.append(false)
                }
                remap[id] = g
                if id < w.state.searches.count {
                    searches[Int(g)] += w.state.searches[id]
                    hintClicks[Int(g)] += w.state.hintClicks[id]
                    candidateCount[Int(g)] += w.state.candidateCount[id]
                    if w.state.logged[id] { logged[Int(g)] = true }
                }
            }
            remaps.append(remap)
        }
    }

    /// The `queries` snapshot: the dictionary's queries and the day's logged ones, sorted by text,
    /// with category (null when not in the dictionary) and the day's counts.
    func dimension(dictionary: [String: Int64]) throws -> RecordBatch {
        var rows: [(text: String, id: Int?)] = []
        var byText: [String: Int] = [:]
        for id in 0..<pool.count where logged[id] {
            let text = pool.string(Int32(id))
            byText[text] = id
            rows.append((text, id))
        }
        for text in dictionary.keys where byText[text] == nil { rows.append((text, nil)) }
        rows.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        var out = BatchBuilder(DatasetSchemas.queries)
        for row in rows {
            let category = dictionary[row.text]
            out["query"].append(string: row.text)
            out["category"].append(optionalInt64: category)
            out["in_dictionary"].append(bool: category != nil)
            out["searches"].append(int64: row.id.map { searches[$0] } ?? 0)
            out["hint_clicks"].append(int64: row.id.map { hintClicks[$0] } ?? 0)
            out["candidate_count"].append(int64: row.id.map { candidateCount[$0] } ?? 0)
        }
        return try out.build()
    }
}
