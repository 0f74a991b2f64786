import Columnar

/// The output form of events: a batch of ``DatasetSchemas/events``.
extension IngestRows {
    /// The event type names by code, and the source names by code (0: none).
    static let typeNames = QueryPool(texts: EventType.allCases.map(\.name))
    static let sourceNames = QueryPool(texts: ["", "typed", "hint", "suggest"])

    /// The rows as a batch of ``DatasetSchemas/events``, query texts from `pool` (global ids).
    func eventsBatch(pool: QueryPool) throws -> RecordBatch {
        let n = count
        let exposureType = EventType.hintExposure.rawValue, clickType = EventType.hintClick.rawValue

        let typeColumn = Self.typeNames.column(type, count: n)
        let queryColumn = pool.column(query, count: n)
        let queryValid = query.map { $0 >= 0 }

        var itemValid = [Bool](), priceValid = [Bool](), exposureValid = [Bool](), sourceValid = [Bool]()
        var shownValid = [Bool](), listValid = [Bool]()
        itemValid.reserveCapacity(n)
        priceValid.reserveCapacity(n)
        exposureValid.reserveCapacity(n)
        sourceValid.reserveCapacity(n)
        shownValid.reserveCapacity(n)
        listValid.reserveCapacity(n)
        let sourceColumn = Self.sourceNames.column(source, count: n)
        for i in 0..<n {
            itemValid.append(flags[i] & EventType.hasItem != 0)
            priceValid.append(flags[i] & EventType.hasPrice != 0)
            exposureValid.append(type[i] == exposureType || type[i] == clickType)
            shownValid.append(type[i] == exposureType)
            listValid.append(type[i] == exposureType)
            sourceValid.append(source[i] != 0)
        }

        let exposureColumn = ByteArrayColumn(offsets: [0] + exposureEnd.map { Int($0) }, bytes: exposureBytes)
        let candidateColumn = pool.column(candidateQuery, count: candidateQuery.count)
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
