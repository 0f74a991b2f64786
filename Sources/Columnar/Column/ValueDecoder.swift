/// Decodes the values section of a data page (only present values) into a typed array.
enum ValueDecoder {
    /// Decodes `count` values of `leaf` encoded as `encoding` from `reader`.
    static func decode(
        _ encoding: Encoding, from reader: inout ByteReader, count: Int, leaf: LeafColumn, dictionary: ColumnValues?
    ) throws -> PageValues {
        if encoding == .plainDictionary || encoding == .rleDictionary {
            guard let dictionary else {
                throw ColumnarError.corrupt("a data page uses \(encoding) but the column chunk has no dictionary page")
            }
            return try dictionaryIndices(from: &reader, count: count, dictionary: dictionary)
        }
        return .dense(try decodeDense(encoding, from: &reader, count: count, leaf: leaf))
    }

    /// Decodes values stored without a dictionary.
    private static func decodeDense(_ encoding: Encoding, from reader: inout ByteReader, count: Int, leaf: LeafColumn) throws -> ColumnValues {
        switch encoding {
        case .plain:
            return try plain(from: &reader, count: count, leaf: leaf)
        case .deltaBinaryPacked:
            switch leaf.physicalType {
            case .int32:
                var out: [Int32] = []
                try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &out)
                return .int32(out)
            case .int64:
                var out: [Int64] = []
                try DeltaBinaryPacked.decode(from: &reader, count: count, appendingTo: &out)
                return .int64(out)
            default:
                throw mismatch(encoding, leaf)
            }
        case .deltaLengthByteArray:
            guard leaf.physicalType == .byteArray else { throw mismatch(encoding, leaf) }
            var out = ByteArrayColumn()
            try DeltaLengthByteArray.decode(from: &reader, count: count, appendingTo: &out)
            return .byteArray(out)
        case .deltaByteArray:
            guard leaf.physicalType == .byteArray || leaf.physicalType == .fixedLenByteArray else { throw mismatch(encoding, leaf) }
            var out = ByteArrayColumn()
            try DeltaByteArray.decode(from: &reader, count: count, appendingTo: &out)
            return .byteArray(out)
        case .byteStreamSplit:
            switch leaf.physicalType {
            case .float: return .float(try byteStreamSplit(&reader, count))
            case .double: return .double(try byteStreamSplit(&reader, count))
            case .int32: return .int32(try byteStreamSplit(&reader, count))
            case .int64: return .int64(try byteStreamSplit(&reader, count))
            case .fixedLenByteArray:
                var out = ByteArrayColumn()
                try ByteStreamSplit.decodeFixedLengthByteArrays(from: &reader, count: count, typeLength: leaf.typeLength, appendingTo: &out)
                return .byteArray(out)
            default:
                throw mismatch(encoding, leaf)
            }
        case .rle:
            guard leaf.physicalType == .boolean else { throw mismatch(encoding, leaf) }
            return .boolean(try rleBooleans(from: &reader, count: count))
        default:
            throw ColumnarError.unsupported("values use encoding \(encoding), which this reader does not support")
        }
    }

    /// Decodes a PLAIN dictionary page of `count` values.
    static func plain(from reader: inout ByteReader, count: Int, leaf: LeafColumn) throws -> ColumnValues {
        switch leaf.physicalType {
        case .boolean:
            var out: [Bool] = []
            try PlainEncoding.decodeBooleans(from: &reader, count: count, appendingTo: &out)
            return .boolean(out)
        case .int32:
            var out: [Int32] = []
            try PlainEncoding.decode(from: &reader, count: count, appendingTo: &out)
            return .int32(out)
        case .int64:
            var out: [Int64] = []
            try PlainEncoding.decode(from: &reader, count: count, appendingTo: &out)
            return .int64(out)
        case .int96:
            var out: [Int64] = []
            try PlainEncoding.decodeInt96Timestamps(from: &reader, count: count, appendingTo: &out)
            return .int64(out)
        case .float:
            var out: [Float] = []
            try PlainEncoding.decode(from: &reader, count: count, appendingTo: &out)
            return .float(out)
        case .double:
            var out: [Double] = []
            try PlainEncoding.decode(from: &reader, count: count, appendingTo: &out)
            return .double(out)
        case .byteArray:
            var out = ByteArrayColumn()
            try PlainEncoding.decodeByteArrays(from: &reader, count: count, appendingTo: &out)
            return .byteArray(out)
        case .fixedLenByteArray:
            var out = ByteArrayColumn()
            try PlainEncoding.decodeFixedLengthByteArrays(from: &reader, count: count, typeLength: leaf.typeLength, appendingTo: &out)
            return .byteArray(out)
        default:
            throw ColumnarError.unsupported("physical type \(leaf.physicalType) is not supported")
        }
    }

    private static func mismatch(_ encoding: Encoding, _ leaf: LeafColumn) -> ColumnarError {
        ColumnarError.corrupt("encoding \(encoding) cannot hold \(leaf.physicalType) values")
    }

    private static func byteStreamSplit<T: PlainFixedWidth>(_ reader: inout ByteReader, _ count: Int) throws -> [T] {
        var out: [T] = []
        try ByteStreamSplit.decode(from: &reader, count: count, appendingTo: &out)
        return out
    }

    private static func rleBooleans(from reader: inout ByteReader, count: Int) throws -> [Bool] {
        let length = Int(try reader.readLittleEndian(UInt32.self))
        var runs = try reader.subReader(length, "RLE boolean run")
        let bits = try decodeIndices(from: &runs, bitWidth: 1, count: count)
        return bits.map { $0 != 0 }
    }

    /// Decodes `count` RLE/bit-packed values, checking `count` against what the data can hold.
    static func decodeIndices(from reader: inout ByteReader, bitWidth: Int, count: Int) throws -> [UInt32] {
        guard count > 0 else { return [] }
        return try [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            try RLEHybrid.decode(from: &reader, bitWidth: bitWidth, count: count, into: buffer.baseAddress!)
            initialized = count
        }
    }

    private static func dictionaryIndices(from reader: inout ByteReader, count: Int, dictionary: ColumnValues) throws -> PageValues {
        guard count > 0 else { return .indexed(indices: [], dictionary: dictionary) }
        let bitWidth = Int(try reader.readUInt8())
        guard bitWidth <= 32 else { throw ColumnarError.corrupt("dictionary index bit width is \(bitWidth); it must be at most 32") }
        let indices = try decodeIndices(from: &reader, bitWidth: bitWidth, count: count)
        let maxIndex = indices.withUnsafeBufferPointer { p in p.reduce(0) { max($0, $1) } }
        guard Int(maxIndex) < dictionary.count else {
            throw ColumnarError.corrupt("dictionary index \(maxIndex) is out of range; the dictionary has \(dictionary.count) entries")
        }
        return .indexed(indices: indices, dictionary: dictionary)
    }
}
