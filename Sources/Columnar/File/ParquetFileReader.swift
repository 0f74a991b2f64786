/// Reads a Parquet file one row group at a time.
///
/// ```swift
/// let reader = try ParquetFileReader(path: "events.parquet")
/// for group in 0..<reader.rowGroupCount {
///     let batch = try reader.readRowGroup(group, columns: ["user", "ts"])
///     ...
/// }
/// ```
///
/// Opening reads and checks the footer only; each ``readRowGroup(_:columns:threads:)`` reads the
/// chosen column chunks of one row group, so memory is bounded by a row group. Errors name the
/// file and the part that is wrong ("row group 2, column 'ts', page at offset 4096: …").
public final class ParquetFileReader: @unchecked Sendable {
    /// The path opened.
    public let path: String
    /// The file's footer.
    public let metadata: FileMetaData
    /// The columns this reader can present, in file order.
    public let schema: Schema
    /// Top-level columns it cannot present (structs, maps, nested lists), with the reason.
    public let unsupportedColumns: [(name: String, reason: String)]
    /// The limits in force.
    public let limits: ReaderLimits

    private let file: any RandomAccessSource
    private let fileSize: Int
    private let leaves: [(leaf: LeafColumn, leafIndex: Int)]

    /// Opens `path` and reads its footer.
    public convenience init(path: String, limits: ReaderLimits = ReaderLimits()) throws {
        try self.init(source: try FileHandleIO.openForReading(path), limits: limits)
    }

    /// Reads a Parquet file held in memory (`name` is used in messages).
    public convenience init(bytes: [UInt8], name: String = "<memory>", limits: ReaderLimits = ReaderLimits()) throws {
        try self.init(source: MemorySource(bytes, name: name), limits: limits)
    }

    /// Opens a file from any source and reads its footer.
    package init(source: any RandomAccessSource, limits: ReaderLimits) throws {
        self.path = source.name
        self.limits = limits
        self.file = source
        do {
            fileSize = try file.size()
            guard fileSize >= 12 else {
                throw ColumnarError.corrupt("the file has \(fileSize) bytes, too few for Parquet (at least 12); it is truncated or not Parquet")
            }
            let head = try file.read(at: 0, count: 4)
            guard head == FooterTail.magic else {
                throw ColumnarError.corrupt("the file does not start with the Parquet magic 'PAR1'; it is not a Parquet file")
            }
            let tail = try file.read(at: fileSize - FooterTail.size, count: FooterTail.size)
            let footerRange = try FooterTail.footerRange(tail: tail, fileSize: fileSize)
            guard footerRange.count <= limits.maxFooterBytes else {
                throw ColumnarError.corrupt("footer: \(footerRange.count) bytes exceeds the limit of \(limits.maxFooterBytes)")
            }
            let footer = try file.read(at: footerRange.lowerBound, count: footerRange.count)
            let decoded = try FileMetaData.decode(footer, range: 0..<footer.count)
            metadata = decoded
            let mapping = try withContext("footer, schema") { try Schema.fromParquet(decoded.schema) }
            schema = mapping.schema
            leaves = mapping.leaves
            unsupportedColumns = mapping.unsupported
            try Self.validate(decoded, leafCount: mapping.leafCount, fileSize: fileSize, limits: limits)
        } catch let error as ColumnarError {
            throw error.within(path)
        }
    }

    /// Number of rows in the file.
    public var rowCount: Int { Int(metadata.numRows) }
    /// Number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }
    /// Rows in row group `index`.
    public func rowCount(ofRowGroup index: Int) -> Int { Int(metadata.rowGroups[index].numRows) }
    /// The footer's key-value metadata as a dictionary (later keys win).
    public var keyValueMetadata: [String: String] {
        var out: [String: String] = [:]
        for kv in metadata.keyValueMetadata ?? [] { out[kv.key] = kv.value ?? "" }
        return out
    }

    /// Reads row group `index`, all columns or those named in `columns` (in that order), decoding
    /// columns on up to `threads` threads.
    public func readRowGroup(_ index: Int, columns: [String]? = nil, threads: Int = 1) throws -> RecordBatch {
        try readRowGroups([index], columns: columns, threads: threads)[0]
    }

    /// Reads several row groups, decoding their column chunks on up to `threads` threads as one pool
    /// of (row group, column) tasks, which balances better than one row group at a time. Memory
    /// grows with the number of groups asked for.
    public func readRowGroups(_ groups: [Int], columns: [String]? = nil, threads: Int = 1) throws -> [RecordBatch] {
        let selected = try projection(columns)
        for index in groups where index < 0 || index >= rowGroupCount {
            throw ColumnarError.invalidArgument("row group \(index) does not exist; the file has \(rowGroupCount)").within(path)
        }
        let width = selected.count
        do {
            let arrays = try parallelMap(groups.count * width, threads: threads) { task -> ColumnArray in
                try self.readColumnChunk(group: groups[task / width], field: selected[task % width])
            }
            let schema = Schema(selected.map { self.schema.fields[$0] })
            return groups.enumerated().map { k, group in
                RecordBatch(
                    unchecked: schema, columns: Array(arrays[(k * width)..<((k + 1) * width)]),
                    rowCount: rowCount(ofRowGroup: group))
            }
        } catch let error as ColumnarError {
            throw error.within(path)
        }
    }

    /// Decodes field `field` of ``schema`` in row group `group`.
    private func readColumnChunk(group index: Int, field: Int) throws -> ColumnArray {
        let group = metadata.rowGroups[index]
        let (leaf, leafIndex) = leaves[field]
        return try withContext("row group \(index), column '\(leaf.field.name)'") {
            let chunk = group.columns[leafIndex]
            guard let meta = chunk.metaData else {
                throw ColumnarError.unsupported("the column chunk's metadata is stored outside the footer")
            }
            let range = try Self.chunkRange(meta, fileSize: fileSize)
            let bytes = try file.read(at: range.lowerBound, count: range.count)
            return try ColumnChunkReader(leaf: leaf, meta: meta, limits: limits)
                .read(bytes, fileOffset: range.lowerBound, expectedRows: Int(group.numRows))
        }
    }

    /// Reads the whole file into one batch (memory grows with the file: prefer ``readRowGroup(_:columns:threads:)``).
    public func readAll(columns: [String]? = nil, threads: Int = 1) throws -> RecordBatch {
        var batches: [RecordBatch] = []
        for group in 0..<rowGroupCount {
            batches.append(try readRowGroup(group, columns: columns, threads: threads))
        }
        let fields = try projection(columns).map { schema.fields[$0] }
        return try RecordBatch.concatenate(batches, schema: Schema(fields))
    }

    /// The leaf layout of field `index` of ``schema`` and its leaf index in the file.
    func leafColumn(_ index: Int) -> (leaf: LeafColumn, leafIndex: Int) { leaves[index] }

    /// Indices into ``schema`` of the columns named (all when `nil`).
    private func projection(_ columns: [String]?) throws -> [Int] {
        guard let columns else {
            if let first = unsupportedColumns.first {
                throw ColumnarError.unsupported(
                    "column '\(first.name)': \(first.reason)").within(path)
            }
            return Array(schema.fields.indices)
        }
        return try columns.map { name in
            if let i = schema.index(of: name) { return i }
            if let u = unsupportedColumns.first(where: { $0.name == name }) {
                throw ColumnarError.unsupported("column '\(name)': \(u.reason)").within(path)
            }
            let known = schema.fields.map(\.name).joined(separator: ", ")
            throw ColumnarError.invalidArgument("no column '\(name)'; the file has: \(known)").within(path)
        }
    }

    /// The byte range of a column chunk (dictionary page first when there is one).
    static func chunkRange(_ meta: ColumnMetaData, fileSize: Int) throws -> Range<Int> {
        var start = Int(meta.dataPageOffset)
        if let dict = meta.dictionaryPageOffset, dict > 0, dict < meta.dataPageOffset { start = Int(dict) }
        let length = Int(meta.totalCompressedSize)
        if meta.numValues == 0 { return 0..<0 }  // nothing to read (pyarrow's 0-row chunks point at offset 0)
        guard start >= 4, length >= 0, length <= fileSize, start <= fileSize - FooterTail.size - length else {
            throw ColumnarError.corrupt(
                "the column chunk claims bytes \(start)..<\(start &+ length) but the file has \(fileSize) bytes")
        }
        return start..<(start + length)
    }

    private static func validate(_ meta: FileMetaData, leafCount: Int, fileSize: Int, limits: ReaderLimits) throws {
        for (i, group) in meta.rowGroups.enumerated() {
            try withContext("row group \(i)") {
                guard group.columns.count == leafCount else {
                    throw ColumnarError.corrupt("it has \(group.columns.count) column chunks but the schema has \(leafCount) leaf columns")
                }
                guard group.numRows >= 0, group.numRows <= limits.maxRowsPerRowGroup else {
                    throw ColumnarError.corrupt(
                        "it claims \(group.numRows) rows; the limit is \(limits.maxRowsPerRowGroup) (raise ReaderLimits.maxRowsPerRowGroup if the file is genuine)")
                }
                for chunk in group.columns {
                    guard let m = chunk.metaData else { continue }
                    guard m.numValues >= 0, m.numValues <= limits.maxValuesPerColumnChunk else {
                        throw ColumnarError.corrupt("column '\(m.pathInSchema.joined(separator: "."))' claims \(m.numValues) values")
                    }
                    _ = try withContext("column '\(m.pathInSchema.joined(separator: "."))'") {
                        try chunkRange(m, fileSize: fileSize)
                    }
                }
            }
        }
    }
}
