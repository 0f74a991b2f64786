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
