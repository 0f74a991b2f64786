import Columnar

/// Compares columns by meaning: nulls by position (placeholders ignored), floats by bit pattern,
/// a validity of all `true` equal to none. Returns the first difference, or nil.
func firstDifference(_ a: RecordBatch, _ b: RecordBatch) -> String? {
    guard a.schema == b.schema else { return "schemas differ: \(a.schema) vs \(b.schema)" }
    guard a.rowCount == b.rowCount else { return "row counts differ: \(a.rowCount) vs \(b.rowCount)" }
    for (i, field) in a.schema.fields.enumerated() {
        if let d = firstDifference(a.columns[i], b.columns[i]) { return "column '\(field.name)': \(d)" }
    }
    return nil
}

func firstDifference(_ a: ColumnArray, _ b: ColumnArray) -> String? {
    if let la = a.list, let lb = b.list {
        guard la.offsets == lb.offsets else { return "list offsets differ" }
        for r in 0..<(la.offsets.count - 1) where la.isValid(r) != lb.isValid(r) { return "list validity differs at row \(r)" }
    } else if (a.list == nil) != (b.list == nil) {
        return "one is a list"
    }
    guard a.values.count == b.values.count else { return "slot counts differ: \(a.values.count) vs \(b.values.count)" }
    for s in 0..<a.values.count {
        guard a.isValid(s) == b.isValid(s) else { return "validity differs at slot \(s)" }
        guard a.isValid(s) else { continue }
        let same: Bool
        switch (a.values, b.values) {
        case (.boolean(let x), .boolean(let y)): same = x[s] == y[s]
        case (.int32(let x), .int32(let y)): same = x[s] == y[s]
        case (.int64(let x), .int64(let y)): same = x[s] == y[s]
        case (.float(let x), .float(let y)): same = x[s].bitPattern == y[s].bitPattern
        case (.double(let x), .double(let y)): same = x[s].bitPattern == y[s].bitPattern
        case (.byteArray(let x), .byteArray(let y)): same = x[s] == y[s]
        default: return "value kinds differ: \(a.values.kindName) vs \(b.values.kindName)"
        }
        if !same { return "value differs at slot \(s)" }
    }
    return nil
}
