extension RecordBatch {
    /// Joins batches of one schema end to end.
    public static func concatenate(_ batches: [RecordBatch], schema: Schema) throws -> RecordBatch {
        guard batches.count != 1 else { return batches[0] }
        var columns: [ColumnArray] = []
        for (i, field) in schema.fields.enumerated() {
            var parts: [ColumnArray] = []
            for batch in batches {
                guard batch.schema == schema else {
                    throw ColumnarError(.schemaMismatch, "cannot concatenate batches of different schemas")
                }
                parts.append(batch.columns[i])
            }
            columns.append(ColumnArray.concatenate(parts, type: field.type))
        }
        return RecordBatch(unchecked: schema, columns: columns, rowCount: batches.reduce(0) { $0 + $1.rowCount })
    }
}

extension ColumnArray {
    /// Joins columns of one type end to end.
    public static func concatenate(_ parts: [ColumnArray], type: DataType) -> ColumnArray {
        var values = ColumnValues.empty(for: type)
        var validity: [Bool]? = parts.contains { $0.validity != nil } ? [] : nil
        var list: ListLayout? = type.isList ? ListLayout(offsets: [0], validity: parts.contains { $0.list?.validity != nil } ? [] : nil) : nil
        for part in parts {
            let base = values.count
            values.append(part.values)
            if validity != nil { validity!.append(contentsOf: part.validity ?? Array(repeating: true, count: part.values.count)) }
            if var l = list, let pl = part.list {
                l.offsets.append(contentsOf: pl.offsets.dropFirst().map { $0 + base })
                if l.validity != nil { l.validity!.append(contentsOf: pl.validity ?? Array(repeating: true, count: part.rowCount)) }
                list = l
            }
        }
        return ColumnArray(values: values, validity: validity, list: list)
    }
}

extension ColumnValues {
    /// Appends `other`, which must be the same kind.
    public mutating func append(_ other: ColumnValues) {
        switch (self, other) {
        case (.boolean(var a), .boolean(let b)): self = .int32([]); a.append(contentsOf: b); self = .boolean(a)
        case (.int32(var a), .int32(let b)): self = .boolean([]); a.append(contentsOf: b); self = .int32(a)
        case (.int64(var a), .int64(let b)): self = .boolean([]); a.append(contentsOf: b); self = .int64(a)
        case (.float(var a), .float(let b)): self = .boolean([]); a.append(contentsOf: b); self = .float(a)
        case (.double(var a), .double(let b)): self = .boolean([]); a.append(contentsOf: b); self = .double(a)
        case (.byteArray(var a), .byteArray(let b)):
            self = .boolean([])
            let base = a.bytes.count
            a.bytes.append(contentsOf: b.bytes)
            a.offsets.append(contentsOf: b.offsets.dropFirst().map { $0 + base })
            self = .byteArray(a)
        default:
            preconditionFailure("cannot append \(other.kindName) to \(kindName)")
        }
    }
}
