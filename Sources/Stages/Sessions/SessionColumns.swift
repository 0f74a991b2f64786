import Columnar

/// A `list<string>` column being built: row offsets into back-to-back values.
struct StringListColumn: Sendable {
    /// Row offsets into ``values``.
    var offsets: [Int] = [0]
    /// The elements of every row.
    var values = ByteArrayColumn()

    /// Closes the current row (after its elements were appended to ``values``).
    mutating func closeRow() { offsets.append(values.count) }

    /// The finished column.
    var array: ColumnArray { ColumnArray(values: .byteArray(values), list: ListLayout(offsets: offsets)) }
}

/// The profile columns of a session row (gender, age, city_tier).
struct ProfileColumns: Sendable {
    private var gender = ByteArrayColumn()
    private var age: [Int32] = []
    private var ageValid: [Bool] = []
    private var tier: [Int32] = []
    private var tierValid: [Bool] = []

    /// Appends one row.
    mutating func append(_ profile: SessionDimensions.Profile) {
        gender.append(profile.gender)
        age.append(profile.age ?? 0)
        ageValid.append(profile.age != nil)
        tier.append(profile.cityTier ?? 0)
        tierValid.append(profile.cityTier != nil)
    }

    /// The finished columns, in ``DatasetSchemas/profileFields`` order.
    var arrays: [ColumnArray] {
        [
            ColumnArray(values: .byteArray(gender)),
            ColumnArray(values: .int32(age), validity: ageValid.allSatisfy { $0 } ? nil : ageValid),
            ColumnArray(values: .int32(tier), validity: tierValid.allSatisfy { $0 } ? nil : tierValid),
        ]
    }
}

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

/// The rows of `behaviors` made from one bucket.
struct BehaviorRows: Sendable {
    var user: [Int64] = []
    var ts: [Int64] = []
    var profile = ProfileColumns()
    var history = HistoryColumns()

    /// The rows as a batch of ``DatasetSchemas/behaviors``.
    func batch() throws -> RecordBatch {
        try RecordBatch(
            schema: DatasetSchemas.behaviors,
            columns: [ColumnArray(values: .int64(user)), ColumnArray(values: .int64(ts))] + profile.arrays + history.arrays)
    }
}

/// The rows of `direct_sessions` made from one bucket.
struct DirectRows: Sendable {
    var user: [Int64] = []
    var ts: [Int64] = []
    var exposure = ByteArrayColumn()
    var shown: [Int32] = []
    var clicked = StringListColumn()
    var candidates = StringListColumn()
    var profile = ProfileColumns()
    var history = HistoryColumns()

    /// The rows as a batch of ``DatasetSchemas/directSessions``.
    func batch() throws -> RecordBatch {
        try RecordBatch(
            schema: DatasetSchemas.directSessions,
            columns: [
                ColumnArray(values: .int64(user)), ColumnArray(values: .int64(ts)), ColumnArray(values: .byteArray(exposure)),
                ColumnArray(values: .int32(shown)), clicked.array, candidates.array,
            ] + profile.arrays + history.arrays)
    }
}

/// The rows of `think_sessions` made from one bucket.
struct ThinkRows: Sendable {
    var user: [Int64] = []
    var ts: [Int64] = []
    var endTs: [Int64] = []
    var hintClicks = StringListColumn()
    var searches = StringListColumn()
    var candidates = StringListColumn()
    var profile = ProfileColumns()
    var history = HistoryColumns()

    /// The rows as a batch of ``DatasetSchemas/thinkSessions``.
    func batch() throws -> RecordBatch {
        try RecordBatch(
            schema: DatasetSchemas.thinkSessions,
            columns: [
                ColumnArray(values: .int64(user)), ColumnArray(values: .int64(ts)), ColumnArray(values: .int64(endTs)),
                hintClicks.array, searches.array, candidates.array,
            ] + profile.arrays + history.arrays)
    }
}
