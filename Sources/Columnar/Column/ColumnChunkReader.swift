/// Decodes one column chunk (its bytes already read from the file) into a ``ColumnArray``.
///
/// Handles dictionary pages, data pages v1 and v2, every codec of ``Codecs``, and the encodings of
/// ``ValueDecoder``. Every size and count is checked against the bytes that carry it and against
/// ``ReaderLimits`` before anything is allocated.
struct ColumnChunkReader {
    let leaf: LeafColumn
    let meta: ColumnMetaData
    let limits: ReaderLimits

    /// Decodes the chunk whose bytes are `bytes` and which starts at `fileOffset` in the file.
    func read(_ bytes: [UInt8], fileOffset: Int, expectedRows: Int) throws -> ColumnArray {
        let codec = try Codecs.make(thriftCode: meta.codec.rawValue)
        let totalValues = Int(meta.numValues)
        var assembler = ColumnAssembler(leaf: leaf, expectedSlots: min(totalValues, limits.maxValuesPerColumnChunk))
        var dictionary: ColumnValues?
        var reader = ByteReader(bytes)
        var valuesRead = 0
        while valuesRead < totalValues {
            let pageOffset = fileOffset + reader.position
            try withContext("page at offset \(pageOffset)") {
                guard !reader.isAtEnd else {
                    throw ColumnarError.corrupt(
                        "the column chunk ends after \(valuesRead) of the \(totalValues) values its metadata announces")
                }
                let header = try PageHeader.decode(from: &reader)
                let compressedSize = Int(header.compressedPageSize)
                let uncompressedSize = Int(header.uncompressedPageSize)
                let body = try reader.take(compressedSize, "page body of \(compressedSize) bytes")
                guard uncompressedSize >= 0, uncompressedSize <= limits.maxPageBytes(compressed: compressedSize) else {
                    throw ColumnarError.corrupt(
                        "the page header claims \(uncompressedSize) uncompressed bytes from \(compressedSize) compressed; that is implausible")
                }
                switch header.type {
                case .dictionaryPage:
                    guard dictionary == nil else { throw ColumnarError.corrupt("the column chunk has a second dictionary page") }
                    guard let dph = header.dictionaryPageHeader else { throw ColumnarError.corrupt("a dictionary page has no dictionary_page_header") }
                    let count = Int(dph.numValues)
                    guard count >= 0, count <= uncompressedSize * 8 + 1 else {
                        throw ColumnarError.corrupt("the dictionary page claims \(count) values in \(uncompressedSize) bytes")
                    }
                    var page = ByteReader(try decompress(bytes, body, uncompressedSize, codec))
                    let decoded = try ValueDecoder.plain(from: &page, count: count, leaf: leaf)
                    assembler.reserveBytes(like: decoded)
                    dictionary = decoded
                case .dataPage:
                    guard let dph = header.dataPageHeader else { throw ColumnarError.corrupt("a data page has no data_page_header") }
                    let n = try checkedCount(Int(dph.numValues), valuesRead: valuesRead, total: totalValues)
                    var page = ByteReader(try decompress(bytes, body, uncompressedSize, codec))
                    let reps = leaf.maxRepetitionLevel > 0
                        ? try levelsV1(&page, dph.repetitionLevelEncoding, maxLevel: leaf.maxRepetitionLevel, count: n, what: "repetition") : nil
                    let defs = leaf.maxDefinitionLevel > 0
                        ? try levelsV1(&page, dph.definitionLevelEncoding, maxLevel: leaf.maxDefinitionLevel, count: n, what: "definition") : nil
                    let present = presentCount(defs, n)
                    let values = try withContext("values (\(dph.encoding))") {
                        try ValueDecoder.decode(dph.encoding, from: &page, count: present, leaf: leaf, dictionary: dictionary)
                    }
                    try assembler.append(definition: defs, repetition: reps, entryCount: n, values: values)
                    valuesRead += n
                case .dataPageV2:
                    guard let dph = header.dataPageHeaderV2 else { throw ColumnarError.corrupt("a v2 data page has no data_page_header_v2") }
                    let n = try checkedCount(Int(dph.numValues), valuesRead: valuesRead, total: totalValues)
                    let repLength = Int(dph.repetitionLevelsByteLength)
                    let defLength = Int(dph.definitionLevelsByteLength)
                    guard repLength >= 0, defLength >= 0, repLength + defLength <= min(compressedSize, uncompressedSize) else {
                        throw ColumnarError.corrupt(
                            "level sections of \(repLength) + \(defLength) bytes do not fit the \(compressedSize)-byte page")
                    }
                    var levels = ByteReader(bytes, range: body.lowerBound..<(body.lowerBound + repLength + defLength))
                    var reps: [UInt32]? = nil
                    var defs: [UInt32]? = nil
                    if leaf.maxRepetitionLevel > 0 {
                        var section = try levels.subReader(repLength, "repetition levels")
                        reps = try levelsRLE(&section, maxLevel: leaf.maxRepetitionLevel, count: n, what: "repetition")
                    } else {
                        _ = try levels.take(repLength)
                    }
                    if leaf.maxDefinitionLevel > 0 {
                        var section = try levels.subReader(defLength, "definition levels")
                        defs = try levelsRLE(&section, maxLevel: leaf.maxDefinitionLevel, count: n, what: "definition")
                    }
                    let valuesBody = (body.lowerBound + repLength + defLength)..<body.upperBound
                    let valuesSize = uncompressedSize - repLength - defLength
                    var page =
                        dph.isCompressed
                        ? ByteReader(try decompress(bytes, valuesBody, valuesSize, codec))
                        : ByteReader(bytes, range: valuesBody)
                    let present = presentCount(defs, n)
                    let values = try withContext("values (\(dph.encoding))") {
                        try ValueDecoder.decode(dph.encoding, from: &page, count: present, leaf: leaf, dictionary: dictionary)
                    }
                    try assembler.append(definition: defs, repetition: reps, entryCount: n, values: values)
                    valuesRead += n
                default:
                    break  // index pages and unknown page types are skipped
                }
            }
        }
        guard assembler.rowCount == expectedRows else {
            throw ColumnarError.corrupt("the column chunk holds \(assembler.rowCount) rows but its row group has \(expectedRows)")
        }
        return assembler.finish()
    }

    private func checkedCount(_ n: Int, valuesRead: Int, total: Int) throws -> Int {
        guard n >= 0, n <= total - valuesRead else {
            throw ColumnarError.corrupt("the page claims \(n) values but only \(total - valuesRead) of the chunk's \(total) remain")
        }
        return n
    }

    private func presentCount(_ defs: [UInt32]?, _ n: Int) -> Int {
        guard let defs else { return n }
        let maxDef = UInt32(leaf.maxDefinitionLevel)
        return defs.withUnsafeBufferPointer { p in p.reduce(0) { $0 + ($1 == maxDef ? 1 : 0) } }
    }

    private func decompress(_ bytes: [UInt8], _ range: Range<Int>, _ size: Int, _ codec: (any PageCodec)?) throws -> [UInt8] {
        guard let codec else {
            guard range.count == size else {
                throw ColumnarError.corrupt("an uncompressed page has \(range.count) bytes but its header says \(size)")
            }
            return Array(bytes[range])
        }
        return try bytes.withUnsafeBytes { raw in
            try codec.decompress(UnsafeRawBufferPointer(rebasing: raw[range]), uncompressedSize: size)
        }
    }

    private func levelsV1(_ page: inout ByteReader, _ encoding: Encoding, maxLevel: Int, count: Int, what: String) throws -> [UInt32] {
        guard encoding == .rle else {
            throw ColumnarError.unsupported("\(what) levels use encoding \(encoding); only RLE is supported")
        }
        let length = Int(try page.readLittleEndian(UInt32.self))
        var section = try page.subReader(length, "\(what) levels")
        return try levelsRLE(&section, maxLevel: maxLevel, count: count, what: what)
    }

    private func levelsRLE(_ section: inout ByteReader, maxLevel: Int, count: Int, what: String) throws -> [UInt32] {
        let levels = try withContext("\(what) levels") {
            try ValueDecoder.decodeIndices(from: &section, bitWidth: RLEHybrid.bitWidth(for: UInt32(maxLevel)), count: count)
        }
        let highest = levels.withUnsafeBufferPointer { p in p.reduce(0) { max($0, $1) } }
        guard highest <= UInt32(maxLevel) else {
            throw ColumnarError.corrupt("\(what) level \(highest) exceeds the column's maximum \(maxLevel)")
        }
        return levels
    }
}
