import Columnar

/// The history columns of a session row (``DatasetSchemas/historyFields``).
struct HistoryColumns: Sendable {
    private var offsets: [Int] = [0]
    private var kind = ByteArrayColumn()
    private var text = ByteArrayColumn()
    private var key = ByteArrayColumn()
    private var ts: [Int64] = []
    private var category: [Int64] = []

    /// Reserves room for `rows` more rows of `entries` more behaviours of `bytes` more text bytes.
    mutating func reserve(rows: Int, entries: Int, bytes: Int) {
        offsets.reserveCapacity(offsets.count + rows)
        kind.reserve(values: entries, bytes: entries * 6)
        text.reserve(values: entries, bytes: bytes)
        key.reserve(values: entries, bytes: bytes + entries * 7)
        ts.reserveCapacity(ts.count + entries)
        category.reserveCapacity(category.count + entries)
    }

    /// Appends one row: the behaviours `range` of `history` (block copies).
    mutating func append(_ history: UserHistory, _ range: Range<Int>) {
        kind.appendValues(of: history.kinds, range)
        text.appendValues(of: history.texts, range)
        key.appendValues(of: history.keys, range)
        ts.append(contentsOf: history.ts[range])
        category.append(contentsOf: history.categories[range])
        offsets.append(ts.count)
    }

    /// The finished columns, in ``DatasetSchemas/historyFields`` order.
    var arrays: [ColumnArray] {
        let layout = ListLayout(offsets: offsets)
        return [
            ColumnArray(values: .byteArray(kind), list: layout), ColumnArray(values: .byteArray(text), list: layout),
            ColumnArray(values: .byteArray(key), list: layout), ColumnArray(values: .int64(ts), list: layout),
            ColumnArray(values: .int64(category), list: layout),
        ]
    }
}
