/// One column of a ``RecordBatch``: values plus null and list structure.
///
/// A flat column has one slot per row. A list column has one slot per element and ``list`` says
/// which elements belong to which row:
///
/// ```swift
/// // rows: ["a", "b"], [], null
/// ColumnArray(values: .byteArray(ByteArrayColumn(strings: ["a", "b"])),
///             list: ListLayout(offsets: [0, 2, 2, 2], validity: [true, true, false]))
/// ```
public struct ColumnArray: Hashable, Sendable {
    /// The leaf values: per row for a flat column, per element for a list.
    public var values: ColumnValues
    /// Per slot of ``values``: `false` where the slot is null. `nil` when no slot is null.
    public var validity: [Bool]?
    /// For a list column, the row → element mapping; `nil` for a flat column.
    public var list: ListLayout?

    /// Creates a column.
    public init(values: ColumnValues, validity: [Bool]? = nil, list: ListLayout? = nil) {
        self.values = values
        self.validity = validity
        self.list = list
    }

    /// The number of rows.
    public var rowCount: Int { list.map { $0.offsets.count - 1 } ?? values.count }

    /// Whether slot `i` of ``values`` holds a value.
    @inline(__always)
    public func isValid(_ i: Int) -> Bool { validity?[i] ?? true }

    /// The number of null slots in ``values``.
    public var nullCount: Int { validity.map { $0.reduce(0) { $0 + ($1 ? 0 : 1) } } ?? 0 }
}

/// Which elements of a list column belong to which row.
public struct ListLayout: Hashable, Sendable {
    /// `rows + 1` offsets into the element slots; row `r` holds elements `offsets[r]..<offsets[r + 1]`.
    public var offsets: [Int]
    /// Per row: `false` where the list itself is null (its offsets range is then empty). `nil`: none null.
    public var validity: [Bool]?

    /// Creates a layout.
    public init(offsets: [Int], validity: [Bool]? = nil) {
        self.offsets = offsets
        self.validity = validity
    }

    /// Whether row `r`'s list is present (not null).
    @inline(__always)
    public func isValid(_ r: Int) -> Bool { validity?[r] ?? true }
}
