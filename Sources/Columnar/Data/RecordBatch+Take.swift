extension RecordBatch {
    /// The rows at `indices`, in that order.
    public func take(_ indices: [Int]) -> RecordBatch {
        RecordBatch(unchecked: schema, columns: columns.map { $0.take(indices) }, rowCount: indices.count)
    }

    /// Row indices ordered by the int64 (or timestamp) columns `keys`, ascending, stable.
    public func sortIndices(by keys: [String]) throws -> [Int] {
        let keyColumns: [[Int64]] = try keys.map { name in
            guard let column = column(name), case .int64(let v) = column.values, column.list == nil else {
                throw ColumnarError.invalidArgument("sort key '\(name)' must be an int64 or timestamp column of this batch")
            }
            return v
        }
        var indices = Array(0..<rowCount)
        if keyColumns.count == 2 {
            let (a, b) = (keyColumns[0], keyColumns[1])
            indices.sort { (a[$0], b[$0], $0) < (a[$1], b[$1], $1) }
        } else {
            indices.sort { i, j in
                for k in keyColumns where k[i] != k[j] { return k[i] < k[j] }
                return i < j
            }
        }
        return indices
    }
}

extension ColumnArray {
    /// The rows at `indices`, in that order.
    public func take(_ indices: [Int]) -> ColumnArray {
        guard let list else {
            return ColumnArray(values: values.take(indices), validity: validity.map { v in indices.map { v[$0] } })
        }
        var slots: [Int] = []
        var offsets = [0]
        offsets.reserveCapacity(indices.count + 1)
        for row in indices {
            slots.append(contentsOf: list.offsets[row]..<list.offsets[row + 1])
            offsets.append(slots.count)
        }
        return ColumnArray(
            values: values.take(slots), validity: validity.map { v in slots.map { v[$0] } },
            list: ListLayout(offsets: offsets, validity: list.validity.map { v in indices.map { v[$0] } }))
    }
}

extension ColumnValues {
    /// The slots at `indices`, in that order.
    public func take(_ indices: [Int]) -> ColumnValues {
        switch self {
        case .boolean(let v): return .boolean(indices.map { v[$0] })
        case .int32(let v): return .int32(indices.map { v[$0] })
        case .int64(let v): return .int64(indices.map { v[$0] })
        case .float(let v): return .float(indices.map { v[$0] })
        case .double(let v): return .double(indices.map { v[$0] })
        case .byteArray(let v):
            var out = ByteArrayColumn()
            out.reserve(values: indices.count, bytes: indices.reduce(0) { $0 + v.length(at: $1) })
            for i in indices { out.append(v[i]) }
            return .byteArray(out)
        }
    }
}
