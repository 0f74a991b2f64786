/// The test instances of a day (spec §7): every user with at least one search or hint click, with
/// the set of (normalised) queries searched or hint-clicked and their leaf categories.
struct EvaluationInstances {
    /// Instance users, ascending.
    private(set) var users: [Int64] = []
    /// Per instance: the truth queries.
    private(set) var queries: [Set<String>] = []
    /// Per instance: the leaf categories of the truth queries (unknown categories left out).
    private(set) var categories: [Set<Int64>] = []
    /// Per user: the instance index.
    private(set) var index: [Int64: Int] = [:]
    /// Events read.
    private(set) var rowsIn = 0

    /// The instances of the `events` shards `files` (the test day).
    init(eventFiles files: [String], catalog: QueryCatalog) throws {
        var truth: [Int64: Set<String>] = [:]
        for file in DatasetFiles.parquet(files) {
            let rows = try EventRows(file: file)
            rowsIn += rows.count
            for row in 0..<rows.count where rows.kinds[row] == .search || rows.kinds[row] == .hintClick {
                if let q = rows.queries[row] { truth[rows.users[row], default: []].insert(q) }
            }
        }
        users = truth.keys.sorted()
        for (i, user) in users.enumerated() {
            let set = truth[user] ?? []
            index[user] = i
            queries.append(set)
            categories.append(Set(set.compactMap { catalog.category(of: $0) }))
        }
    }

    /// The number of instances.
    var count: Int { users.count }
}
