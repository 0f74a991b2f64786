import Columnar

/// The output form of events: a batch of ``DatasetSchemas/events``.
extension EventRows {
    /// The rows as a batch of ``DatasetSchemas/events``, query texts from `pool` (global ids).
    func eventsBatch(pool: QueryPool) throws -> RecordBatch {
        let n = count
        let exposureType = EventType.hintExposure.rawValue, clickType = EventType.hintClick.rawValue

        var typeColumn = ByteArrayColumn()
        typeColumn.reserve(values: n, bytes: n * 10)
        for t in type { typeColumn.append(EventType.names[Int(t)]) }

        var queryColumn = ByteArrayColumn()
        var queryValid = [Bool]()
        queryValid.reserveCapacity(n)
        queryColumn.reserve(values: n, bytes: n * 8)
        for q in query {
            if q >= 0 { queryColumn.append(pool[q]) } else { queryColumn.appendEmpty() }
            queryValid.append(q >= 0)
        }

        var itemValid = [Bool](), priceValid = [Bool](), exposureValid = [Bool](), sourceValid = [Bool]()
        var shownValid = [Bool](), listValid = [Bool]()
        itemValid.reserveCapacity(n)
        priceValid.reserveCapacity(n)
        exposureValid.reserveCapacity(n)
        sourceValid.reserveCapacity(n)
        shownValid.reserveCapacity(n)
        listValid.reserveCapacity(n)
        var sourceColumn = ByteArrayColumn()
        sourceColumn.reserve(values: n, bytes: n)
        for i in 0..<n {
            itemValid.append(flags[i] & EventType.hasItem != 0)
            priceValid.append(flags[i] & EventType.hasPrice != 0)
            exposureValid.append(type[i] == exposureType || type[i] == clickType)
            shownValid.append(type[i] == exposureType)
            listValid.append(type[i] == exposureType)
            sourceValid.append(source[i] != 0)
            sourceColumn.append(EventType.sourceNames[Int(source[i])])
        }

        let exposureColumn = ByteArrayColumn(offsets: [0] + exposureEnd.map { Int($0) }, bytes: exposureBytes)
        var candidateColumn = ByteArrayColumn()
        candidateColumn.reserve(values: candidateQuery.count, bytes: candidateQuery.count * 10)
        for q in candidateQuery { candidateColumn.append(pool[q]) }
        let listOffsets = [0] + candidateEnd.map { Int($0) }

        func validity(_ v: [Bool]) -> [Bool]? { v.contains(false) ? v : nil }
        let lists = ListLayout(offsets: listOffsets, validity: validity(listValid))
        return try RecordBatch(schema: DatasetSchemas.events, columns: [
            ColumnArray(values: .int64(user)),
            ColumnArray(values: .int64(ts)),
            ColumnArray(values: .byteArray(typeColumn)),
            ColumnArray(values: .byteArray(queryColumn), validity: validity(queryValid)),
            ColumnArray(values: .int64(item), validity: validity(itemValid)),
            ColumnArray(values: .byteArray(exposureColumn), validity: validity(exposureValid)),
            ColumnArray(values: .int32(shown), validity: validity(shownValid)),
            ColumnArray(values: .byteArray(candidateColumn), list: lists),
            ColumnArray(values: .double(candidateScore), list: lists),
            ColumnArray(values: .byteArray(sourceColumn), validity: validity(sourceValid)),
            ColumnArray(values: .double(price), validity: validity(priceValid)),
        ])
    }
}
