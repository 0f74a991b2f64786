import Columnar

// The three row sets of one bucket, each turned into its dataset's batch.

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
