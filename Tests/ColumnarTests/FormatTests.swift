import Columnar
import Testing

/// Writes `value` and reads it back.
private func roundTrip<T: ThriftStruct>(_ value: T) throws -> T {
    var writer = CompactWriter()
    value.write(to: &writer)
    var reader = CompactReader(writer.bytes)
    let decoded = try T.read(from: &reader)
    #expect(reader.reader.isAtEnd, "\(T.self) left \(reader.reader.remaining) bytes unread")
    return decoded
}


/// Sample values with every field set, shared by the round-trip and hostile-input tests.
private enum Samples {
    static let statistics = Statistics(
        max: [9, 0, 0, 0], min: [1, 0, 0, 0], nullCount: 3, distinctCount: 7, maxValue: [9, 0, 0, 0],
        minValue: [], isMaxValueExact: true, isMinValueExact: false, nanCount: 0)

    static let schema: [SchemaElement] = [
        SchemaElement(name: "schema", numChildren: 3),
        SchemaElement(
            type: .int64, repetitionType: .required, name: "id", fieldId: 1,
            logicalType: .integer(bitWidth: 64, isSigned: true)),
        SchemaElement(
            type: .fixedLenByteArray, typeLength: 16, repetitionType: .optional, name: "price",
            convertedType: .decimal, scale: 2, precision: 38, logicalType: .decimal(scale: 2, precision: 38)),
        SchemaElement(
            type: .byteArray, repetitionType: .repeated, name: "ts", convertedType: .utf8,
            logicalType: .timestamp(isAdjustedToUTC: true, unit: .nanos), vectorLength: 4),
    ]

    static let columnMetaData = ColumnMetaData(
        type: .int64, encodings: [.plain, .rle, .rleDictionary, Encoding(rawValue: 42)],
        pathInSchema: ["a", "b", "c"], codec: .zstd, numValues: 1 << 40, totalUncompressedSize: 5000,
        totalCompressedSize: 4000, keyValueMetadata: [KeyValue(key: "k", value: "v"), KeyValue(key: "only")],
        dataPageOffset: 4, indexPageOffset: 100, dictionaryPageOffset: 4, statistics: statistics,
        encodingStats: [
            PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1),
            PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 20),
        ],
        bloomFilterOffset: 9000, bloomFilterLength: 128)

    static let columnChunk = ColumnChunk(
        filePath: "other.parquet", fileOffset: 12, metaData: columnMetaData, offsetIndexOffset: 1,
        offsetIndexLength: 2, columnIndexOffset: 3, columnIndexLength: 4)

    static let rowGroup = RowGroup(
        columns: [columnChunk, ColumnChunk(metaData: columnMetaData)], totalByteSize: 10_000, numRows: 1_000,
        sortingColumns: [SortingColumn(columnIndex: 0, descending: true, nullsFirst: false)], fileOffset: 4,
        totalCompressedSize: 8_000, ordinal: 0)

    static let fileMetaData = FileMetaData(
        version: 2, schema: schema, numRows: 1_000, rowGroups: [rowGroup, rowGroup],
        keyValueMetadata: [KeyValue(key: "ARROW:schema", value: "abc")], createdBy: "aigq version 0.1",
        columnOrders: [.typeDefinedOrder, .ieee754TotalOrder, .unrecognized(fieldId: 9)])

    static let pageHeaders: [PageHeader] = [
        PageHeader(
            type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 80, crc: -12345,
            dataPageHeader: DataPageHeader(
                numValues: 10, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .bitPacked,
                statistics: statistics)),
        PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 10, compressedPageSize: 10,
            dictionaryPageHeader: DictionaryPageHeader(numValues: 2, encoding: .plainDictionary, isSorted: true)),
        PageHeader(
            type: .dataPageV2, uncompressedPageSize: 0, compressedPageSize: 0,
            dataPageHeaderV2: DataPageHeaderV2(
                numValues: 5, numNulls: 1, numRows: 5, encoding: .deltaBinaryPacked, definitionLevelsByteLength: 2,
                repetitionLevelsByteLength: 0, isCompressed: false, statistics: Statistics())),
        PageHeader(
            type: .indexPage, uncompressedPageSize: 0, compressedPageSize: 0, indexPageHeader: IndexPageHeader()),
    ]
}

@Suite struct FormatTests {
    @Test func everyStructRoundTrips() throws {
        #expect(try roundTrip(Samples.statistics) == Samples.statistics)
        #expect(try roundTrip(Statistics()) == Statistics())
        for element in Samples.schema { #expect(try roundTrip(element) == element) }
        #expect(try roundTrip(Samples.columnMetaData) == Samples.columnMetaData)
        #expect(try roundTrip(Samples.columnChunk) == Samples.columnChunk)
        #expect(try roundTrip(Samples.rowGroup) == Samples.rowGroup)
        #expect(try roundTrip(Samples.fileMetaData) == Samples.fileMetaData)
        for header in Samples.pageHeaders { #expect(try roundTrip(header) == header) }
        let minimal = FileMetaData(version: 1, schema: [SchemaElement(name: "root")], numRows: 0, rowGroups: [])
        #expect(try roundTrip(minimal) == minimal)
    }

    @Test(arguments: [
        LogicalType.string, .map, .list, .enum, .decimal(scale: 3, precision: 9), .date,
        .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .micros),
        .timestamp(isAdjustedToUTC: true, unit: .nanos),
        .timestamp(isAdjustedToUTC: false, unit: .unrecognized(fieldId: 7)),
        .integer(bitWidth: 8, isSigned: false), .integer(bitWidth: 64, isSigned: true), .unknown, .json, .bson, .uuid,
        .float16, .variant(), .variant(specificationVersion: 1), .geometry(), .geometry(crs: "OGC:CRS84"),
        .geography(), .geography(crs: "srid:4326", algorithm: .karney), .vector, .unrecognized(fieldId: 42),
    ])
    func logicalTypesRoundTrip(type: LogicalType) throws {
        #expect(try roundTrip(type) == type)
    }

    @Test(arguments: [
        ColumnOrder.typeDefinedOrder, .ieee754TotalOrder, .int96TimestampOrder, .unrecognized(fieldId: 5),
    ])
    func columnOrdersRoundTrip(order: ColumnOrder) throws {
        #expect(try roundTrip(order) == order)
    }

    @Test func enumDescriptionsUseIDLNames() {
        #expect(Encoding.rleDictionary.description == "RLE_DICTIONARY")
        #expect(Encoding(rawValue: 42).description == "UNKNOWN(42)")
        #expect(Encoding(rawValue: 1).description == "UNKNOWN(1)")
        #expect(PhysicalType.fixedLenByteArray.description == "FIXED_LEN_BYTE_ARRAY")
        #expect(ConvertedType.interval.description == "INTERVAL")
        #expect(ConvertedType.allKnown.map(\.rawValue) == Array(0...21))
        #expect(CompressionCodec.lz4Raw.description == "LZ4_RAW")
        #expect(PageType.dataPageV2.description == "DATA_PAGE_V2")
        #expect(Repetition.repeated.description == "REPEATED")
        #expect(BoundaryOrder.descending.description == "DESCENDING")
        #expect(LogicalTimeUnit.micros.description == "MICROS")
    }

    @Test func unknownEnumValuesSurviveDecoding() throws {
        let header = PageHeader(type: PageType(rawValue: 77), uncompressedPageSize: 1, compressedPageSize: 1)
        let decoded = try roundTrip(header)
        #expect(decoded.type.rawValue == 77)
        #expect(decoded.type.description == "UNKNOWN(77)")
    }

    @Test func missingRequiredFieldIsNamed() {
        var writer = CompactWriter()
        writer.writeStruct { w in
            w.write(1, i32: 1)
            w.write(2, structs: [SchemaElement(name: "root")])
            w.write(4, structs: [RowGroup]())
        }
        let bytes = writer.bytes
        let error = columnarError { _ = try FileMetaData.decode(bytes, range: 0..<bytes.count) }
        #expect(error?.code == .corrupt)
        #expect(error?.message == "FileMetaData is missing required field 'num_rows' (id 3)")
        #expect(error?.description == "footer: FileMetaData is missing required field 'num_rows' (id 3)")
    }

    @Test func errorsInNestedStructsCarryThePath() {
        var metaData = Samples.fileMetaData
        metaData.rowGroups[1].columns[0].metaData?.numValues = -4
        let bytes = metaData.encoded()
        let error = columnarError { _ = try FileMetaData.decode(bytes, range: 0..<bytes.count) }
        #expect(error?.message == "ColumnMetaData.num_values is negative (-4)")
        #expect(error?.context == [
            "footer", "FileMetaData.row_groups[1] (id 4)", "RowGroup.columns[0] (id 1)", "ColumnChunk.meta_data (id 3)",
        ])
    }

    @Test(arguments: ["numRows", "rowGroupRows", "numChildren", "pageSize", "numValues"])
    func negativeCountsAndSizesAreCorrupt(field: String) {
        var metaData = Samples.fileMetaData
        var header = Samples.pageHeaders[0]
        switch field {
        case "numRows": metaData.numRows = -1
        case "rowGroupRows": metaData.rowGroups[0].numRows = -1
        case "numChildren": metaData.schema[0].numChildren = -1
        case "pageSize": header.compressedPageSize = -1
        default: header.dataPageHeader?.numValues = -1
        }
        let footer = metaData.encoded()
        var writer = ByteWriter()
        header.encode(into: &writer)
        let page = writer.bytes
        let error = columnarError {
            _ = try FileMetaData.decode(footer, range: 0..<footer.count)
            var reader = ByteReader(page)
            _ = try PageHeader.decode(from: &reader)
        }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("is negative (-1)") == true)
    }

    @Test func absentOptionalFieldsTakeTheirIDLDefaults() throws {
        var writer = CompactWriter()
        writer.writeStruct { w in
            for id: Int16 in 1...6 { w.write(id, i32: 0) }
        }
        var reader = CompactReader(writer.bytes)
        #expect(try DataPageHeaderV2.read(from: &reader).isCompressed)

        writer = CompactWriter()
        writer.writeStruct { _ in }
        reader = CompactReader(writer.bytes)
        #expect(try ColumnChunk.read(from: &reader).fileOffset == 0)
    }

    @Test func unionWithTwoMembersIsCorrupt() {
        var writer = CompactWriter()
        writer.writeStruct { w in
            w.writeFieldHeader(1, .structure)
            w.writeStruct { _ in }
            w.writeFieldHeader(6, .structure)
            w.writeStruct { _ in }
        }
        var reader = CompactReader(writer.bytes)
        #expect(columnarError { _ = try LogicalType.read(from: &reader) }?.code == .corrupt)
    }

    @Test func pageHeaderDecodeAdvancesPastTheHeader() throws {
        var writer = ByteWriter()
        writer.append(contentsOf: [0xAA, 0xBB])
        for header in Samples.pageHeaders { header.encode(into: &writer) }
        writer.append(contentsOf: [1, 2, 3])
        var reader = ByteReader(writer.bytes)
        reader.position = 2
        for header in Samples.pageHeaders { #expect(try PageHeader.decode(from: &reader) == header) }
        #expect(reader.remaining == 3)
    }

    @Test func footerTruncatedAtEveryOffsetThrows() {
        let bytes = Samples.fileMetaData.encoded()
        for cut in 0..<bytes.count {
            #expect(throws: ColumnarError.self) { try FileMetaData.decode(bytes, range: 0..<cut) }
        }
        #expect(throws: ColumnarError.self) { try FileMetaData.decode(bytes, range: 0..<(bytes.count + 1)) }
    }

    @Test func pageHeaderTruncatedAtEveryOffsetThrows() {
        for header in Samples.pageHeaders {
            var writer = ByteWriter()
            header.encode(into: &writer)
            for cut in 0..<writer.count {
                var reader = ByteReader(writer.bytes, range: 0..<cut)
                #expect(throws: ColumnarError.self) { try PageHeader.decode(from: &reader) }
            }
        }
    }

    @Test func randomGarbageNeverCrashesTheDecoders() {
        var rng = SplitMix64(seed: 42)
        let footer = Samples.fileMetaData.encoded()
        for iteration in 0..<4_000 {
            var bytes: [UInt8]
            if iteration.isMultiple(of: 2) {
                bytes = (0..<Int(rng.next() % 256)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = footer  // a valid footer with a few bytes flipped
                for _ in 0..<(1 + rng.next() % 4) {
                    bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            _ = try? FileMetaData.decode(bytes, range: 0..<bytes.count)
            var reader = ByteReader(bytes)
            _ = try? PageHeader.decode(from: &reader)
        }
    }

    @Test func decodesAPyarrowFooter() throws {
        let hex = Array(Self.pyarrowFooterHex.utf8.filter { $0 != 0x0A && $0 != 0x20 })
        let bytes = try stride(from: 0, to: hex.count, by: 2).map { i in
            try #require(UInt8(String(decoding: hex[i..<(i + 2)], as: UTF8.self), radix: 16))
        }
        let metaData = try FileMetaData.decode(bytes, range: 0..<bytes.count)
        #expect(metaData.numRows == 3)
        #expect(metaData.createdBy == "parquet-cpp-arrow version 26.0.1")
        #expect(metaData.schema.map(\.name) == ["schema", "id", "name", "tags", "list", "element", "ts", "price"])
        #expect(metaData.schema[2].logicalType == .string)
        #expect(metaData.schema[3].logicalType == .list)
        #expect(metaData.schema[6].logicalType == .timestamp(isAdjustedToUTC: true, unit: .millis))
        #expect(metaData.schema[7].logicalType == .decimal(scale: 2, precision: 5))
        #expect(metaData.schema[7].typeLength == 3)
        #expect(metaData.rowGroups.map(\.numRows) == [2, 1])
        let column = try #require(metaData.rowGroups[0].columns[2].metaData)
        #expect(column.pathInSchema == ["tags", "list", "element"])
        #expect(column.codec == .snappy)
        #expect(metaData.keyValueMetadata?.first?.key == "ARROW:schema")
        #expect(metaData.columnOrders?.count == 5)
        // Re-encoding keeps everything this library models.
        let again = metaData.encoded()
        #expect(try FileMetaData.decode(again, range: 0..<again.count) == metaData)
    }

    /// The footer of a small file written by pyarrow 26.0.1 (snappy, 2 row groups of 5 columns:
    /// int64, string, list<int32>, timestamp[ms, UTC], decimal(5, 2)).
    static let pyarrowFooterHex = """
        1504198c35001806736368656d61150a00150425021802696400150c250218046e616d6525004c1c0000003502180474
        616773150215064c3c000000350418046c697374150200150225021807656c656d656e7400150425021802747325124c
        8c111c1c0000000000150e1506150218057072696365250a1504150a2c5c1504150a0000001606192c195c26001c1504
        193500061019180269641502160416cc0116d401264826081c1808020000000000000018080100000000000000160028
        08020000000000000018080100000000000000111100192c15041500150200150015101502003c290619260004000000
        26001c150c19350006101918046e616d65150216041672167a26860226dc011c3602280161180161111100192c150415
        00150200150015101502003c160219061926020200000026001c1502193500061019380474616773046c69737407656c
        656d656e741502160616aa0116b20126860326d6021c1804020000001804010000001602280402000000180401000000
        111100192c15041500150200150015101502003c2926040219460002000400000026001c150419350006101918027473
        1502160416cc0116d40126c8042688041c1808e8030000000000001808000000000000000016002808e8030000000000
        0018080000000000000000111100192c15041500150200150015101502003c29061926000400000026001c150e193500
        061019180570726963651502160416900116980126880626dc051c18030001c8180300007b160028030001c818030000
        7b111100192c15041500150200150015101502003c29061926000400000016c4061604260816ec0600195c26001c1504
        193500061019180269641502160216bc0116c40126a40726f4061c180803000000000000001808030000000000000016
        002808030000000000000018080300000000000000111100192c15041500150200150015101502003c29061926000200
        000026001c150c19350006101918046e616d6515021602167e16860126e60826b8081c36002803636363180363636311
        1100192c15041500150200150015101502003c160619061926000200000026001c150219350006101938047461677304
        6c69737407656c656d656e74150216021660166626dc0926be091c360200192c15041500150200150015101502003c29
        26020019460200000000000026001c1504193500061019180274731502160216bc0116c40126d40a26a40a1c1808d007
        0000000000001808d00700000000000016002808d0070000000000001808d007000000000000111100192c1504150015
        0200150015101502003c29061926000200000026001c150e19350006101918057072696365150216021654165a26860c
        26e80b1c360200192c15041500150200150015101502003c29061926020000000016aa05160226f40616ce0500191c18
        0c4152524f573a736368656d611898042f2f2f2f2f34674241414151414141414141414b414177414267414641416741
        43674141414141424241414d414141414341414941414141424141494141414142414141414155414141416741514141
        34414141414941414141424141414141424141414141542f2f2f38414141454845414141414341414141414541414141
        414141414141554141414277636d6c6a5a51414141416741444141454141674143414141414155414141414341414141
        50502f2f2f77414141516f514141414148414141414151414141414141414141416741414148527a4141414941417741
        426741494141674141414141414145414241414141414d414141425656454d4165502f2f2f7741414151775541414141
        484141414141514141414142414141414641414141415141414142305957647a41414141414b6a2f2f2f2b6b2f2f2f2f
        41414142416841414141415941414141424141414141414141414145414141416158526c62514141414143592f2f2f2f
        4141414141534141414144552f2f2f2f4141414242524141414141634141414142414141414141414141414541414141
        626d46745a5141414141414541415141424141414142414146414149414159414277414d414141414541415141414141
        414141424168414141414163414141414241414141414141414141434141414161575141414167414441414941416341
        434141414141414141414641414141414141414141413d3d001820706172717565742d6370702d6172726f7720766572
        73696f6e2032362e302e31195c1c00001c00001c00001c00001c000000
        """
}

