/// One column chunk, encoded and compressed, ready to be placed in a file.
struct EncodedColumnChunk {
    /// Dictionary page (if any) followed by data pages, headers included.
    var bytes: [UInt8]
    /// The chunk's metadata with page offsets relative to the start of ``bytes``.
    var metaData: ColumnMetaData
    /// Whether a dictionary page starts the chunk.
    var hasDictionaryPage: Bool
}

/// Encodes rows of one column into a column chunk: levels, value encoding (PLAIN, RLE_DICTIONARY or
/// DELTA_BINARY_PACKED), data pages v1 of bounded size, compression, statistics.
struct ColumnChunkWriter {
    let leaf: LeafColumn
    let options: WriterOptions

    /// How the values of the chunk are encoded.
    private enum ValuePlan {
        case plain
        case delta
        case dictionary(indices: [UInt32], dictionary: ColumnValues, plainDictionary: [UInt8], bitWidth: Int)
    }

    func encode(_ column: ColumnArray, rows: Range<Int>) throws -> EncodedColumnChunk {
        let levels = ColumnLevels.shred(column, rows: rows, leaf: leaf)
        let dense = ColumnValues(presentIn: column.values, levels: levels)
        let plan = try choosePlan(dense)
        let codec = try Codecs.make(options.compression)
        var chunk = ByteWriter(capacity: 1 << 16)
        var pageBuffer = ByteWriter(capacity: min(options.pageBytes + 1024, 1 << 22))
        var compressed: [UInt8] = []
        var totalUncompressed = 0
        var encodingStats: [PageEncodingStats] = []
        var hasDictionaryPage = false
        var statisticsSource = dense

        // Dictionary page.
        if case .dictionary(_, let dictionary, let plainDictionary, _) = plan {
            let header = try writePage(
                plainDictionary[...], codec: codec, compressed: &compressed, into: &chunk,
                makeHeader: { uncompressed, compressedSize in
                    PageHeader(
                        type: .dictionaryPage, uncompressedPageSize: uncompressed, compressedPageSize: compressedSize,
                        dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(dictionary.count), encoding: .plain, isSorted: false))
                })
            totalUncompressed += header
            hasDictionaryPage = true
            statisticsSource = dictionary
            encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
        }
        let dataPageOffset = chunk.count

        // Data pages.
        let rowCount = rows.count
        let rowsPerPage = pageRowCount(plan: plan, dense: dense, levels: levels, rows: rowCount)
        var densePos = 0
        var pageCount = 0
        let maxDef = UInt32(leaf.maxDefinitionLevel)
        let valueEncoding: Encoding
        switch plan {
        case .plain: valueEncoding = .plain
        case .delta: valueEncoding = .deltaBinaryPacked
        case .dictionary: valueEncoding = .rleDictionary
        }
        var pageStart = 0
        repeat {
            let pageRows = pageStart..<min(rowCount, pageStart + rowsPerPage)
            let entries = levels.entryRange(rows: pageRows)
            var present = entries.count
            if leaf.maxRepetitionLevel > 0 || (leaf.maxDefinitionLevel > 0 && levels.presentSlots != nil) {
                present = levels.definition[entries].reduce(0) { $0 + ($1 == maxDef ? 1 : 0) }
            }
            pageBuffer.bytes.removeAll(keepingCapacity: true)
            if leaf.maxRepetitionLevel > 0 {
                encodeLevels(levels.repetition, entries, maxLevel: leaf.maxRepetitionLevel, into: &pageBuffer)
            }
            if leaf.maxDefinitionLevel > 0 {
                encodeLevels(levels.definition, entries, maxLevel: leaf.maxDefinitionLevel, into: &pageBuffer)
            }
            let valueRange = densePos..<(densePos + present)
            try encodeValues(plan, dense, valueRange, into: &pageBuffer)
            densePos += present
            guard pageBuffer.count <= Int(Int32.max) else {
                throw ColumnarError.invalidArgument(
                    "column '\(leaf.field.name)': a data page would hold \(pageBuffer.count) bytes, more than Parquet allows; lower pageRows")
            }
            let entryCount = Int32(entries.count)
            totalUncompressed += try writePage(
                pageBuffer.bytes[...], codec: codec, compressed: &compressed, into: &chunk,
                makeHeader: { uncompressed, compressedSize in
                    PageHeader(
                        type: .dataPage, uncompressedPageSize: uncompressed, compressedPageSize: compressedSize,
                        dataPageHeader: DataPageHeader(
                            numValues: entryCount, encoding: valueEncoding, definitionLevelEncoding: .rle,
                            repetitionLevelEncoding: .rle))
                })
            pageCount += 1
            pageStart = pageRows.upperBound
        } while pageStart < rowCount
        encodingStats.append(PageEncodingStats(pageType: .dataPage, encoding: valueEncoding, count: Int32(pageCount)))

        var encodings: [Encoding] = []
        if hasDictionaryPage { encodings.append(.plain) }
        if leaf.maxDefinitionLevel > 0 || leaf.maxRepetitionLevel > 0 { encodings.append(.rle) }
        if !encodings.contains(valueEncoding) { encodings.append(valueEncoding) }

        var statistics: Statistics? = nil
        if options.statistics {
            let nulls = Int64(levels.entryCount - dense.count)
            var s = Statistics(nullCount: nulls)
            if let (lo, hi) = ChunkStatistics.minMax(statisticsSource) {
                s.minValue = lo
                s.maxValue = hi
            }
            statistics = s
        }
        let metaData = ColumnMetaData(
            type: leaf.physicalType, encodings: encodings, pathInSchema: leaf.path,
            codec: CompressionCodec(rawValue: options.compression.thriftCode),
            numValues: Int64(levels.entryCount), totalUncompressedSize: Int64(totalUncompressed),
            totalCompressedSize: Int64(chunk.count), dataPageOffset: Int64(dataPageOffset),
            dictionaryPageOffset: hasDictionaryPage ? 0 : nil, statistics: statistics, encodingStats: encodingStats)
        return EncodedColumnChunk(bytes: chunk.bytes, metaData: metaData, hasDictionaryPage: hasDictionaryPage)
    }

    // MARK: - Encoding choice

    private func choosePlan(_ dense: ColumnValues) throws -> ValuePlan {
        let requested = options.columnEncodings[leaf.field.name] ?? .auto
        let leafType = leaf.field.type.leafType
        switch requested {
        case .plain:
            return .plain
        case .deltaBinaryPacked:
            guard leaf.physicalType == .int32 || leaf.physicalType == .int64 else {
                throw ColumnarError.invalidArgument(
                    "column '\(leaf.field.name)' is \(leafType); DELTA_BINARY_PACKED applies to int32 and int64 columns only")
            }
            return .delta
        case .dictionary:
            return tryDictionary(dense) ?? .plain
        case .auto:
            switch leafType {
            case .timestamp, .date:
                return .delta
            case .boolean:
                return .plain
            case .int32, .int64:
                if isNonDecreasing(dense) { return .delta }
            default:
                break
            }
            guard options.dictionary else { return .plain }
            return tryDictionary(dense) ?? .plain
        }
    }

    private func isNonDecreasing(_ dense: ColumnValues) -> Bool {
        func check<T: Comparable>(_ v: [T]) -> Bool {
            guard v.count >= 2 else { return false }
            return v.withUnsafeBufferPointer { p in
                for i in 1..<p.count where p[i] < p[i - 1] { return false }
                return true
            }
        }
        switch dense {
        case .int32(let v): return check(v)
        case .int64(let v): return check(v)
        default: return false
        }
    }

    private func tryDictionary(_ dense: ColumnValues) -> ValuePlan? {
        let limit = options.dictionaryLimitBytes
        func fixed<T: PlainFixedWidth>(_ values: [T], _ wrap: ([T]) -> ColumnValues) -> (indices: [UInt32]?, ColumnValues, [UInt8]) {
            var encoder = DictionaryEncoder<T>(limitBytes: limit)
            let indices = values.withUnsafeBufferPointer { encoder.encode($0) }
            var plain = ByteWriter()
            encoder.dictionary.withUnsafeBufferPointer { PlainEncoding.encode($0, into: &plain) }
            return (indices, wrap(encoder.dictionary), plain.bytes)
        }
        let attempt: (indices: [UInt32]?, ColumnValues, [UInt8])
        switch dense {
        case .boolean: return nil
        case .int32(let v): attempt = fixed(v, ColumnValues.int32)
        case .int64(let v): attempt = fixed(v, ColumnValues.int64)
        case .float(let v): attempt = fixed(v, ColumnValues.float)
        case .double(let v): attempt = fixed(v, ColumnValues.double)
        case .byteArray(let v):
            var encoder = ByteArrayDictionaryEncoder(limitBytes: limit)
            let indices = encoder.encode(v)
            var plain = ByteWriter()
            PlainEncoding.encode(encoder.dictionary, into: &plain)
            attempt = (indices, .byteArray(encoder.dictionary), plain.bytes)
        }
        guard let indices = attempt.indices else { return nil }
        let dictionary = attempt.1
        let bitWidth = max(1, RLEHybrid.bitWidth(for: UInt32(max(0, dictionary.count - 1))))
        return .dictionary(indices: indices, dictionary: dictionary, plainDictionary: attempt.2, bitWidth: bitWidth)
    }

    /// Rows per data page so that a page holds about `pageBytes` uncompressed, at most `pageRows` rows.
    private func pageRowCount(plan: ValuePlan, dense: ColumnValues, levels: ColumnLevels, rows: Int) -> Int {
        guard rows > 0 else { return 1 }
        var valueBytes: Double
        switch (plan, dense) {
        case (.dictionary(_, _, _, let bitWidth), _): valueBytes = Double(bitWidth) / 8
        case (.delta, _): valueBytes = 2
        case (_, .boolean): valueBytes = 0.125
        case (_, .int32), (_, .float): valueBytes = 4
        case (_, .int64), (_, .double): valueBytes = 8
        case (_, .byteArray(let v)): valueBytes = 4 + Double(v.bytes.count) / Double(max(1, v.count))
        }
        let levelBytes = (leaf.maxDefinitionLevel > 0 ? 0.25 : 0) + (leaf.maxRepetitionLevel > 0 ? 0.25 : 0)
        let entriesPerRow = Double(levels.entryCount) / Double(rows)
        let valuesPerRow = Double(dense.count) / Double(rows)
        let perRow = max(0.01, valuesPerRow * valueBytes + entriesPerRow * levelBytes)
        let byBytes = Int(Double(options.pageBytes) / perRow)
        return max(1, min(options.pageRows, byBytes))
    }

    // MARK: - Pages

    private func encodeLevels(_ levels: [UInt32], _ range: Range<Int>, maxLevel: Int, into page: inout ByteWriter) {
        let lengthAt = page.count
        page.appendLittleEndian(UInt32(0))
        levels.withUnsafeBufferPointer { p in
            RLEHybrid.encode(
                UnsafeBufferPointer(rebasing: p[range]), bitWidth: RLEHybrid.bitWidth(for: UInt32(maxLevel)), into: &page)
        }
        page.patchLittleEndian(UInt32(page.count - lengthAt - 4), at: lengthAt)
    }

    private func encodeValues(_ plan: ValuePlan, _ dense: ColumnValues, _ range: Range<Int>, into page: inout ByteWriter) throws {
        switch plan {
        case .dictionary(let indices, _, _, let bitWidth):
            page.append(UInt8(bitWidth))
            indices.withUnsafeBufferPointer { p in
                RLEHybrid.encode(UnsafeBufferPointer(rebasing: p[range]), bitWidth: bitWidth, into: &page)
            }
        case .delta:
            switch dense {
            case .int32(let v): v.withUnsafeBufferPointer { DeltaBinaryPacked.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .int64(let v): v.withUnsafeBufferPointer { DeltaBinaryPacked.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            default: throw ColumnarError.invalidArgument("DELTA_BINARY_PACKED applies to int32 and int64 columns only")
            }
        case .plain:
            switch dense {
            case .boolean(let v): v.withUnsafeBufferPointer { PlainEncoding.encodeBooleans(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .int32(let v): v.withUnsafeBufferPointer { PlainEncoding.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .int64(let v): v.withUnsafeBufferPointer { PlainEncoding.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .float(let v): v.withUnsafeBufferPointer { PlainEncoding.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .double(let v): v.withUnsafeBufferPointer { PlainEncoding.encode(UnsafeBufferPointer(rebasing: $0[range]), into: &page) }
            case .byteArray(let v):
                for i in range {
                    page.appendLittleEndian(UInt32(v.length(at: i)))
                    page.append(contentsOf: v[i])
                }
            }
        }
    }

    /// Compresses `page`, writes its header and body to `chunk`, and returns the uncompressed size
    /// counted in `total_uncompressed_size` (header plus body).
    private func writePage(
        _ page: ArraySlice<UInt8>, codec: (any PageCodec)?, compressed: inout [UInt8], into chunk: inout ByteWriter,
        makeHeader: (Int32, Int32) -> PageHeader
    ) throws -> Int {
        let body: [UInt8]
        if let codec {
            compressed.removeAll(keepingCapacity: true)
            try page.withUnsafeBytes { try codec.compress($0, appendingTo: &compressed) }
            body = compressed
        } else {
            body = Array(page)
        }
        guard body.count <= Int(Int32.max) else {
            throw ColumnarError.invalidArgument("column '\(leaf.field.name)': a page is larger than Parquet allows; lower pageBytes")
        }
        let header = makeHeader(Int32(page.count), Int32(body.count))
        let before = chunk.count
        header.encode(into: &chunk)
        let headerSize = chunk.count - before
        chunk.append(contentsOf: body)
        return headerSize + page.count
    }
}
