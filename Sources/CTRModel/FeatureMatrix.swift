/// Dense training or scoring rows: `rowCount` rows of `columnCount` features, row-major, in one
/// contiguous buffer (row r is `values[r * columnCount ..< (r + 1) * columnCount]`).
///
/// ```swift
/// var x = FeatureMatrix(columnCount: 2)
/// x.append([1, 0.5])
/// x.append([0, 2])
/// ```
public struct FeatureMatrix: Sendable, Equatable {
    /// Features per row.
    public let columnCount: Int
    /// The values, row after row.
    public internal(set) var values: [Double]

    /// An empty matrix of `columnCount` features per row.
    public init(columnCount: Int) {
        precondition(columnCount >= 0, "a matrix needs 0 or more columns")
        self.columnCount = columnCount
        self.values = []
    }

    /// A matrix over `values` (row-major, a multiple of `columnCount` long).
    public init(columnCount: Int, values: [Double]) throws {
        guard columnCount > 0, values.count % columnCount == 0 else {
            throw ClickModelError(.invalidArgument, "\(values.count) values do not make rows of \(columnCount) features; pass a multiple of the feature count")
        }
        self.columnCount = columnCount
        self.values = values
    }

    /// The number of rows.
    public var rowCount: Int { columnCount == 0 ? 0 : values.count / columnCount }

    /// Appends one row (exactly `columnCount` values).
    public mutating func append(_ row: some Collection<Double>) {
        precondition(row.count == columnCount, "a row of \(row.count) values in a matrix of \(columnCount) columns")
        values.append(contentsOf: row)
    }

    /// Appends every row of `other` (same column count).
    public mutating func append(contentsOf other: FeatureMatrix) {
        precondition(other.columnCount == columnCount, "appending a matrix of \(other.columnCount) columns to one of \(columnCount)")
        values.append(contentsOf: other.values)
    }

    /// Reserves room for `rows` rows.
    public mutating func reserveRows(_ rows: Int) { values.reserveCapacity(rows * columnCount) }

    /// Value (`row`, `column`).
    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columnCount + column] }
        set { values[row * columnCount + column] = newValue }
    }

    /// Row `row` as an array.
    public func row(_ row: Int) -> [Double] { Array(values[row * columnCount..<(row + 1) * columnCount]) }

    /// The rows at `rows`, in that order.
    public func rows(_ rows: some Sequence<Int>) -> FeatureMatrix {
        var out = FeatureMatrix(columnCount: columnCount)
        for r in rows { out.values.append(contentsOf: values[r * columnCount..<(r + 1) * columnCount]) }
        return out
    }

    /// The matrix restricted to `columns` (indices, in the given order).
    public func selecting(columns: [Int]) -> FeatureMatrix {
        var out = FeatureMatrix(columnCount: columns.count)
        out.values.reserveCapacity(rowCount * columns.count)
        for r in 0..<rowCount {
            let base = r * columnCount
            for c in columns { out.values.append(values[base + c]) }
        }
        return out
    }
}
