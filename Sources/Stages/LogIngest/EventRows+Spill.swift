import Columnar

/// Sorted runs spilled to disk: ``EventRows`` as Parquet with the compact columns as they are (codes,
/// query ids of the worker that parsed them, `seq`), written uncompressed and PLAIN for speed.
extension EventRows {
    /// The schema of a spilled run.
    static let spillSchema = Schema([
        Field("user", .int64, nullable: false),
        Field("ts", .int64, nullable: false),
        Field("seq", .int64, nullable: false),
        Field("type", .int32, nullable: false),
        Field("source", .int32, nullable: false),
        Field("flags", .int32, nullable: false),
        Field("query", .int32, nullable: false),
        Field("item", .int64, nullable: false),
        Field("price", .double, nullable: false),
        Field("shown", .int32, nullable: false),
        Field("exposure", .binary, nullable: false),
        Field("candidates", .list(Field("element", .int32, nullable: false)), nullable: false),
        Field("scores", .list(Field("element", .double, nullable: false)), nullable: false),
    ])

    /// The writer options of spilled runs: no compression, no dictionaries, no statistics.
    static func spillOptions(rowGroupRows: Int) -> WriterOptions {
        var options = WriterOptions()
        options.compression = .uncompressed
        options.dictionary = false
        options.statistics = false
        options.rowGroupRows = rowGroupRows
        options.createdBy = "aigq (ingest spill)"
        return options
    }

    /// The rows as a batch of ``spillSchema``.
    func spillBatch() throws -> RecordBatch {
        let exposureOffsets = [0] + exposureEnd.map { Int($0) }
        let candidateOffsets = [0] + candidateEnd.map { Int($0) }
        return try RecordBatch(schema: Self.spillSchema, columns: [
            ColumnArray(values: .int64(user)),
            ColumnArray(values: .int64(ts)),
            ColumnArray(values: .int64(seq)),
            ColumnArray(values: .int32(type.map { Int32($0) })),
            ColumnArray(values: .int32(source.map { Int32($0) })),
            ColumnArray(values: .int32(flags.map { Int32($0) })),
            ColumnArray(values: .int32(query)),
            ColumnArray(values: .int64(item)),
            ColumnArray(values: .double(price)),
            ColumnArray(values: .int32(shown)),
            ColumnArray(values: .byteArray(ByteArrayColumn(offsets: exposureOffsets, bytes: exposureBytes))),
            ColumnArray(values: .int32(candidateQuery), list: ListLayout(offsets: candidateOffsets)),
            ColumnArray(values: .double(candidateScore), list: ListLayout(offsets: candidateOffsets)),
        ])
    }

    /// Rows read back from a batch of ``spillSchema``.
    init(spillBatch batch: RecordBatch) throws {
        user = try batch.int64s("user")
        ts = try batch.int64s("ts")
        seq = try batch.int64s("seq")
        type = try batch.int32s("type").map { UInt8(truncatingIfNeeded: $0) }
        source = try batch.int32s("source").map { UInt8(truncatingIfNeeded: $0) }
        flags = try batch.int32s("flags").map { UInt8(truncatingIfNeeded: $0) }
        query = try batch.int32s("query")
        item = try batch.int64s("item")
        price = try batch.doubles("price")
        shown = try batch.int32s("shown")
        guard case .byteArray(let exposures)? = batch.column("exposure")?.values else {
            throw StageError(.io, "a spilled run has no exposure column (internal error)")
        }
        exposureBytes = exposures.bytes
        exposureEnd = exposures.offsets.dropFirst().map { UInt32($0) }
        let (offsets, queries) = try batch.int32Lists("candidates")
        candidateQuery = queries
        candidateScore = try batch.doubleLists("scores").elements
        candidateEnd = offsets.dropFirst().map { UInt32($0) }
    }
}
