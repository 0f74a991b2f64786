/// Statistics of a column chunk or page; every field is optional.
///
/// Binary values are PLAIN-encoded without a length prefix. `max`/`min` are the deprecated
/// signed-order bounds; `maxValue`/`minValue` follow the column's ``ColumnOrder``.
public struct Statistics: Hashable, Sendable, ThriftStruct {
    /// Deprecated signed-order maximum (`max`, id 1).
    public var max: [UInt8]?
    /// Deprecated signed-order minimum (`min`, id 2).
    public var min: [UInt8]?
    /// Number of nulls; absent is not the same as zero (`null_count`, id 3).
    public var nullCount: Int64?
    /// Number of distinct values (`distinct_count`, id 4).
    public var distinctCount: Int64?
    /// Upper bound in the column order (`max_value`, id 5).
    public var maxValue: [UInt8]?
    /// Lower bound in the column order (`min_value`, id 6).
    public var minValue: [UInt8]?
    /// Whether `maxValue` is the actual maximum (`is_max_value_exact`, id 7).
    public var isMaxValueExact: Bool?
    /// Whether `minValue` is the actual minimum (`is_min_value_exact`, id 8).
    public var isMinValueExact: Bool?
    /// Number of NaN values for floating-point columns (`nan_count`, id 9).
    public var nanCount: Int64?

    /// Creates a `Statistics`; optional fields default to absent.
    public init(
        max: [UInt8]? = nil,
        min: [UInt8]? = nil,
        nullCount: Int64? = nil,
        distinctCount: Int64? = nil,
        maxValue: [UInt8]? = nil,
        minValue: [UInt8]? = nil,
        isMaxValueExact: Bool? = nil,
        isMinValueExact: Bool? = nil,
        nanCount: Int64? = nil
    ) {
        self.max = max
        self.min = min
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.maxValue = maxValue
        self.minValue = minValue
        self.isMaxValueExact = isMaxValueExact
        self.isMinValueExact = isMinValueExact
        self.nanCount = nanCount
    }

    package static func read(from reader: inout CompactReader) throws -> Statistics {
        var max: [UInt8]?
        var min: [UInt8]?
        var nullCount: Int64?
        var distinctCount: Int64?
        var maxValue: [UInt8]?
        var minValue: [UInt8]?
        var isMaxValueExact: Bool?
        var isMinValueExact: Bool?
        var nanCount: Int64?
        let owner: StaticString = "Statistics"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: max = try r.readBinary(field, "max")
            case 2: min = try r.readBinary(field, "min")
            case 3: nullCount = try r.readI64(field, "null_count")
            case 4: distinctCount = try r.readI64(field, "distinct_count")
            case 5: maxValue = try r.readBinary(field, "max_value")
            case 6: minValue = try r.readBinary(field, "min_value")
            case 7: isMaxValueExact = try r.readBool(field, "is_max_value_exact")
            case 8: isMinValueExact = try r.readBool(field, "is_min_value_exact")
            case 9: nanCount = try r.readI64(field, "nan_count")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(nullCount, owner, "null_count")
        try FieldCheck.nonNegative(distinctCount, owner, "distinct_count")
        try FieldCheck.nonNegative(nanCount, owner, "nan_count")
        return Statistics(
            max: max,
            min: min,
            nullCount: nullCount,
            distinctCount: distinctCount,
            maxValue: maxValue,
            minValue: minValue,
            isMaxValueExact: isMaxValueExact,
            isMinValueExact: isMinValueExact,
            nanCount: nanCount)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, binary: max)
        writer.write(2, binary: min)
        writer.write(3, i64: nullCount)
        writer.write(4, i64: distinctCount)
        writer.write(5, binary: maxValue)
        writer.write(6, binary: minValue)
        writer.write(7, bool: isMaxValueExact)
        writer.write(8, bool: isMinValueExact)
        writer.write(9, i64: nanCount)
        writer.endStruct()
    }
}
