import Columnar

/// One method's ranked lists for the test instances, read from its `u2q_<method>` shards: the
/// user's own rows, else the method's `user = -1` default rows; cut to the longest K.
struct MethodPredictions {
    /// Per instance: the predicted queries, best first (at most `limit`).
    private(set) var lists: [[String]]
    /// Rows read.
    private(set) var rowsIn = 0
    /// Whether the tables held any row at all (a method with none is absent).
    var isEmpty: Bool { rowsIn == 0 }

    /// The lists of `instances` from the `u2q` shards `files`.
    init(files: [String], instances: EvaluationInstances, limit: Int) throws {
        var own = Array(repeating: [(rank: Int32, query: String)](), count: instances.count)
        var fallback: [(rank: Int32, query: String)] = []
        for file in DatasetFiles.parquet(files) {
            for batch in try DatasetFiles.read(file, schema: DatasetSchemas.u2q) {
                rowsIn += batch.rowCount
                let users = try batch.int64s("user")
                let ranks = try batch.int32s("rank")
                let queries = try batch.strings("query")
                for row in 0..<batch.rowCount {
                    if users[row] == -1 {
                        fallback.append((ranks[row], queries.string(at: row)))
                    } else if let i = instances.index[users[row]] {
                        own[i].append((ranks[row], queries.string(at: row)))
                    }
                }
            }
        }
        func ranked(_ rows: [(rank: Int32, query: String)]) -> [String] {
            rows.sorted { ($0.rank, $0.query) < ($1.rank, $1.query) }.prefix(limit).map(\.query)
        }
        let defaultList = ranked(fallback)
        lists = own.map { $0.isEmpty ? defaultList : ranked($0) }
    }
}
