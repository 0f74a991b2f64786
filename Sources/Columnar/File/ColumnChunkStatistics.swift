/// A min or max value from a column chunk's statistics.
public enum StatisticValue: Hashable, Sendable, CustomStringConvertible {
    case boolean(Bool)
    /// int32, int64, dates and timestamps.
    case int(Int64)
    /// float and double.
    case double(Double)
    /// Byte arrays, compared unsigned lexicographically.
    case bytes([UInt8])

    public var description: String {
        switch self {
        case .boolean(let b): "\(b)"
        case .int(let i): "\(i)"
        case .double(let d): "\(d)"
        case .bytes(let b): "'\(String(decoding: b, as: UTF8.self))'"
        }
    }

    /// `self < other` for values of the same kind; `nil` when the kinds differ.
    public func isLess(than other: StatisticValue) -> Bool? {
        switch (self, other) {
        case (.boolean(let a), .boolean(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b
        case (.bytes(let a), .bytes(let b)): return a.lexicographicallyPrecedes(b)
        default: return nil
        }
    }
}

/// The statistics of one column chunk, decoded.
public struct ColumnChunkStatistics: Hashable, Sendable {
    /// Smallest present value, when recorded.
    public var min: StatisticValue?
    /// Largest present value, when recorded.
    public var max: StatisticValue?
    /// Number of nulls, when recorded.
    public var nullCount: Int64?
}

extension ParquetFileReader {
    /// The decoded statistics of `column` in row group `rowGroup`, if the file has them.
    public func statistics(rowGroup: Int, column: String) -> ColumnChunkStatistics? {
        guard rowGroup >= 0, rowGroup < rowGroupCount, let i = schema.index(of: column) else { return nil }
        let leaf = leafColumn(i)
        guard let meta = metadata.rowGroups[rowGroup].columns[leaf.leafIndex].metaData, let s = meta.statistics else {
            return nil
        }
        let type = leaf.leaf.physicalType
        var minBytes = s.minValue
        var maxBytes = s.maxValue
        if minBytes == nil, maxBytes == nil, type != .byteArray, type != .fixedLenByteArray {
            minBytes = s.min  // legacy fields: signed order, trustworthy for numbers only
            maxBytes = s.max
        }
        return ColumnChunkStatistics(
            min: minBytes.flatMap { Self.decodeStatistic($0, type) },
            max: maxBytes.flatMap { Self.decodeStatistic($0, type) },
            nullCount: s.nullCount)
    }

    /// Row groups whose statistics for `column` allow a value in `lower...upper` (either bound may
    /// be open); row groups without statistics are always kept.
    public func rowGroups(where column: String, from lower: StatisticValue?, to upper: StatisticValue?) throws -> [Int] {
        guard schema.index(of: column) != nil else {
            throw ColumnarError.invalidArgument("no column '\(column)'; the file has: \(schema.fields.map(\.name).joined(separator: ", "))")
                .within(path)
        }
        return (0..<rowGroupCount).filter { group in
            guard let s = statistics(rowGroup: group, column: column) else { return true }
            if let lower, let max = s.max, max.isLess(than: lower) == true { return false }
            if let upper, let min = s.min, upper.isLess(than: min) == true { return false }
            return true
        }
    }

    static func decodeStatistic(_ bytes: [UInt8], _ type: PhysicalType) -> StatisticValue? {
        func le<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard bytes.count == MemoryLayout<T>.size else { return nil }
            return bytes.reversed().reduce(T.zero) { ($0 << 8) | T(truncatingIfNeeded: $1) }
        }
        switch type {
        case .boolean: return bytes.count == 1 ? .boolean(bytes[0] != 0) : nil
        case .int32: return le(Int32.self).map { .int(Int64($0)) }
        case .int64: return le(Int64.self).map { .int($0) }
        case .float: return le(UInt32.self).map { .double(Double(Float(bitPattern: $0))) }
        case .double: return le(UInt64.self).map { .double(Double(bitPattern: $0)) }
        case .byteArray, .fixedLenByteArray: return .bytes(bytes)
        default: return nil
        }
    }
}
