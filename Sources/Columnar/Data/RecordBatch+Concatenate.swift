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
