/// One sorted input of a merge: rows in memory, or a spilled run read one row group at a time.
final class RunCursor {
    /// The current block of rows (global query ids).
    private(set) var rows: IngestRows
    /// The next row of ``rows``.
    var position = 0
    private let reader: RunFile.Reader?
    private let remap: [Int32]?

    /// A cursor over sorted rows held in memory.
    init(rows: IngestRows) {
        self.rows = rows
        reader = nil
        remap = nil
    }

    /// A cursor over a spilled run; query ids are mapped through `remap` when given.
    init(path: String, remap: [Int32]?) throws {
        reader = try RunFile.Reader(path: path)
        self.remap = remap
        rows = IngestRows()
        _ = try loadNext()
    }

    /// Whether the current block has rows left.
    var hasRow: Bool { position < rows.count }

    /// Moves to the next block once the current one is used up; returns whether rows remain.
    func refill() throws -> Bool {
        if hasRow { return true }
        return try loadNext()
    }

    private func loadNext() throws -> Bool {
        guard let reader else {
            rows = IngestRows()
            position = 0
            return false
        }
        while let block = try reader.next() {
            rows = block
            if let remap { rows.remapQueries(remap) }
            position = 0
            if rows.count > 0 { return true }
        }
        rows = IngestRows()
        position = 0
        return false
    }
}
