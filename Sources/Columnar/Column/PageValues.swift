/// The present values of one data page as decoded: either the values themselves, or indices into
/// the column chunk's dictionary (gathered straight into the column, without an intermediate copy).
enum PageValues {
    case dense(ColumnValues)
    case indexed(indices: [UInt32], dictionary: ColumnValues)

    /// The number of present values.
    var count: Int {
        switch self {
        case .dense(let v): v.count
        case .indexed(let i, _): i.count
        }
    }
}
