/// The hints of one answer, merged from one ``TableSnapshot``: the user's u2q list first, then the
/// x2q lists of the recent triggers in the order given, then (for a user u2q does not know) the
/// day's popular queries, until `n`; a query already taken is skipped (compared byte for byte).
struct HintList {
    /// One chosen hint: a query of one table's list.
    struct Hint {
        var table: ServedTable
        var entry: ServedTable.Entry
        var source: HintSource
        /// The index of its trigger in ``HintsQuery/recent`` (x2q hints).
        var trigger: Int
    }

    /// The hints, in answer order.
    private(set) var hints: [Hint] = []
    /// Whether u2q has a list for the user.
    private(set) var knownUser = false
    /// The tables read, in ``ServedTableKind`` order (their versions go into the answer).
    private(set) var tablesRead: [ServedTable] = []
    private let limit: Int

    /// Merges the answer to `query` from `u2q` and the optional tables of `snapshot`.
    init(_ query: HintsQuery, u2q: ServedTable, snapshot: TableSnapshot) {
        limit = query.count
        hints.reserveCapacity(limit)
        tablesRead.append(u2q)
        if let own = u2q.list(String(query.user)) {
            knownUser = true
            add(own, of: u2q, as: .u2q)
        }
        if hints.count < limit, !query.recent.isEmpty, let x2q = snapshot.x2q {
            tablesRead.append(x2q)
            for (index, trigger) in query.recent.enumerated() where hints.count < limit {
                if let list = x2q.list(trigger) { add(list, of: x2q, as: .x2q, trigger: index) }
            }
        }
        if !knownUser, hints.count < limit {
            if let popular = snapshot.popular {
                tablesRead.append(popular)
                if let list = popular.list(ServedTable.defaultKey) { add(list, of: popular, as: .popular) }
            } else if let list = u2q.list(ServedTable.defaultKey) {
                add(list, of: u2q, as: .default)
            }
        }
    }

    /// Appends the entries of `list` not yet taken, until the answer is full.
    private mutating func add(_ list: ArraySlice<ServedTable.Entry>, of table: ServedTable, as source: HintSource, trigger: Int = -1) {
        for entry in list {
            guard hints.count < limit else { return }
            if hints.contains(where: { $0.table.same($0.entry, entry, in: table) }) { continue }
            hints.append(Hint(table: table, entry: entry, source: source, trigger: trigger))
        }
    }
}
