/// Writes a Parquet file: `PAR1`, row groups of column chunks, the Thrift footer, its length, `PAR1`.
///
/// ```swift
/// let writer = try ParquetFileWriter(path: "events.parquet", schema: schema)
/// try writer.write(batch)          // one or more row groups
/// try writer.close(sync: true)     // footer, then fsync
/// ```
///
/// Each call to ``write(_:)`` writes the batch as row groups of at most
/// ``WriterOptions/rowGroupRows`` rows; columns are encoded in parallel when
/// ``WriterOptions/threads`` > 1. The writer is not thread-safe.
public final class ParquetFileWriter {
    /// The file's schema.
    public let schema: Schema
    /// The options in force.
    public let options: WriterOptions
    /// The path being written.
    public let path: String

    private let file: FileHandleIO
    private let leaves: [LeafColumn]
    private var offset = 0
    private var rowGroups: [RowGroup] = []
    private var rowCount = 0
    private var closed = false

    /// Creates (or truncates) `path` and writes the leading magic.
    public init(path: String, schema: Schema, options: WriterOptions = WriterOptions()) throws {
        try schema.validate()
        try options.validate()
        self.schema = schema
        self.options = options
        self.path = path
        self.leaves = schema.fields.map { LeafColumn(writing: $0) }
        self.file = try FileHandleIO.create(path)
        try write(FooterTail.magic)
    }

    /// Rows written so far.
    public var rowsWritten: Int { rowCount }

    /// Writes `batch` as one or more row groups.
    public func write(_ batch: RecordBatch) throws {
        guard !closed else { throw ColumnarError.invalidArgument("'\(path)' is already closed; create a new writer") }
        guard batch.schema == schema else {
            throw ColumnarError(
                .schemaMismatch,
                "batch schema [\(batch.schema.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", "))] differs from the file's [\(schema.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", "))]")
        }
        var start = 0
        repeat {
            let end = min(batch.rowCount, start + options.rowGroupRows)
            try writeRowGroup(batch, rows: start..<end)
            start = end
        } while start < batch.rowCount
    }

    private func writeRowGroup(_ batch: RecordBatch, rows: Range<Int>) throws {
        let chunks = try parallelMap(leaves.count, threads: options.threads) { i in
            try withContext("column '\(self.leaves[i].field.name)'") {
                try ColumnChunkWriter(leaf: self.leaves[i], options: self.options).encode(batch.columns[i], rows: rows)
            }
        }
        let groupStart = offset
        var columns: [ColumnChunk] = []
        var totalUncompressed: Int64 = 0
        for chunk in chunks {
            let chunkStart = Int64(offset)
            var meta = chunk.metaData
            meta.dataPageOffset += chunkStart
            if chunk.hasDictionaryPage { meta.dictionaryPageOffset = chunkStart }
            totalUncompressed += meta.totalUncompressedSize
            try write(chunk.bytes)
            columns.append(ColumnChunk(fileOffset: chunkStart, metaData: meta))
        }
        rowGroups.append(
            RowGroup(
                columns: columns, totalByteSize: totalUncompressed, numRows: Int64(rows.count),
                fileOffset: Int64(groupStart), totalCompressedSize: Int64(offset - groupStart),
                ordinal: Int16(truncatingIfNeeded: rowGroups.count)))
        rowCount += rows.count
    }

    /// Writes the footer and closes the file; with `sync`, fsyncs it first. Returns the footer.
    @discardableResult
    public func close(sync: Bool = false) throws -> FileMetaData {
        guard !closed else { throw ColumnarError.invalidArgument("'\(path)' is already closed") }
        closed = true
        let metadata = FileMetaData(
            version: 1, schema: schema.parquetElements(), numRows: Int64(rowCount), rowGroups: rowGroups,
            keyValueMetadata: options.keyValueMetadata.isEmpty
                ? nil : options.keyValueMetadata.sorted { $0.key < $1.key }.map { KeyValue(key: $0.key, value: $0.value) },
            createdBy: options.createdBy, columnOrders: Array(repeating: .typeDefinedOrder, count: leaves.count))
        let footer = metadata.encoded()
        try write(footer)
        var tail = ByteWriter()
        tail.appendLittleEndian(UInt32(footer.count))
        tail.append(contentsOf: FooterTail.magic)
        try write(tail.bytes)
        if sync { try file.sync() }
        try file.close()
        return metadata
    }

    private func write(_ bytes: [UInt8]) throws {
        try file.write(bytes)
        offset += bytes.count
    }
}
