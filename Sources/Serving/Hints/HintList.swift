/// The hints of one answer, merged from one ``TableSnapshot``: the user's u2q list first, then the
/// x2q lists of the recent triggers in the order given, then (for a user u2q does not know) the
/// day's popular queries (the popular table, else u2q's default list), until `n`; a query already
/// taken is skipped (compared byte for byte).
struct HintList {
    /// One chosen hint: an entry of a list of one of the tables (plain values: copying one touches
    /// no reference count).
    struct Hint {
        var entry: ServedTable.Entry
        var table: ServedTableKind
    }

    /// The hints, in answer order.
    private(set) var hints: [Hint] = []
    /// Whether u2q has a list for the user.
    private(set) var knownUser = false
    /// The tables read (their versions go into the answer).
    let u2q: ServedTable
    private(set) var x2q: ServedTable?
    private(set) var popular: ServedTable?
    private let limit: Int

    /// Merges the answer to `query` from `u2q` and the optional tables of `snapshot`.
    init(_ query: HintsQuery, u2q: ServedTable, snapshot: TableSnapshot) {
        self.u2q = u2q
        limit = query.count
        hints.reserveCapacity(limit)
        if let own = u2q.list(String(query.user)) {
            knownUser = true
            add(own, of: .u2q)
        }
        if hints.count < limit, !query.recent.isEmpty, let x2q = snapshot.x2q {
            self.x2q = x2q
            for trigger in query.recent where hints.count < limit {
                if let list = x2q.list(trigger) { add(list, of: .x2q) }
            }
        }
        if !knownUser, hints.count < limit {
            if let popular = snapshot.popular {
                self.popular = popular
                if let list = popular.list(ServedTable.defaultKey) { add(list, of: .popular) }
            } else if let list = u2q.list(ServedTable.defaultKey) {
                add(list, of: .u2q)
            }
        }
    }

    /// The table of `kind` this answer read.
    func table(_ kind: ServedTableKind) -> ServedTable {
        switch kind {
        case .u2q: u2q
        case .x2q: x2q ?? u2q
        case .popular: popular ?? u2q
        }
    }

    /// Appends the entries of `list` (of the `kind` table) not yet taken, until the answer is full.
    private mutating func add(_ list: ArraySlice<ServedTable.Entry>, of kind: ServedTableKind) {
        let from = table(kind)
        for entry in list {
            guard hints.count < limit else { return }
            if hints.contains(where: { $0.entry.hash == entry.hash && table($0.table).same($0.entry, entry, in: from) }) { continue }
            hints.append(Hint(entry: entry, table: kind))
        }
    }
}
