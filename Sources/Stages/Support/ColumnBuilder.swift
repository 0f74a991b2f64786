public import Columnar

/// Builds one column of a ``RecordBatch`` value by value: flat or list, nullable or not.
///
/// ```swift
/// var users = ColumnBuilder(.int64)
/// users.append(int64: 42)
/// var words = ColumnBuilder(.list(Field("element", .string, nullable: false)))
/// words.append(strings: ["red", "shoes"])
/// ```
public struct ColumnBuilder: Sendable {
    /// The column's type.
    public let type: DataType
    private var values: ColumnValues
    private var validity: [Bool] = []
    private var hasNull = false
    private var listOffsets: [Int] = [0]
    private var listValidity: [Bool] = []
    private var hasNullList = false

    /// An empty column of `type`.
    public init(_ type: DataType) {
        self.type = type
        self.values = ColumnValues.empty(for: type)
    }

    /// The number of rows appended.
    public var rowCount: Int { type.isList ? listOffsets.count - 1 : values.count }

    /// Appends a null row (a null value, or a null list).
    public mutating func appendNull() {
        if type.isList {
            listOffsets.append(values.count)
            listValidity.append(false)
            hasNullList = true
        } else {
            appendPlaceholder()
            validity.append(false)
            hasNull = true
        }
    }

    /// Appends an int64 (or timestamp) value.
    public mutating func append(int64 value: Int64) {
        guard case .int64(var v) = values else { preconditionFailure("column of \(type) is not int64") }
        values = .int64([])
        v.append(value)
        values = .int64(v)
        present()
    }

    /// Appends an int32 value.
    public mutating func append(int32 value: Int32) {
        guard case .int32(var v) = values else { preconditionFailure("column of \(type) is not int32") }
        values = .int32([])
        v.append(value)
        values = .int32(v)
        present()
    }

    /// Appends a double value.
    public mutating func append(double value: Double) {
        guard case .double(var v) = values else { preconditionFailure("column of \(type) is not double") }
        values = .double([])
        v.append(value)
        values = .double(v)
        present()
    }

    /// Appends a float value.
    public mutating func append(float value: Float) {
        guard case .float(var v) = values else { preconditionFailure("column of \(type) is not float") }
        values = .float([])
        v.append(value)
        values = .float(v)
        present()
    }

    /// Appends a boolean value.
    public mutating func append(bool value: Bool) {
        guard case .boolean(var v) = values else { preconditionFailure("column of \(type) is not boolean") }
        values = .boolean([])
        v.append(value)
        values = .boolean(v)
        present()
    }

    /// Appends a string value.
    public mutating func append(string value: String) {
        guard case .byteArray(var v) = values else { preconditionFailure("column of \(type) is not a string column") }
        values = .int32([])
        v.append(value)
        values = .byteArray(v)
        present()
    }

    /// Appends an optional value: `nil` becomes null.
    public mutating func append(optionalInt64 value: Int64?) {
        if let value { append(int64: value) } else { appendNull() }
    }

    /// Appends an optional value: `nil` becomes null.
    public mutating func append(optionalInt32 value: Int32?) {
        if let value { append(int32: value) } else { appendNull() }
    }

    /// Appends an optional value: `nil` becomes null.
    public mutating func append(optionalDouble value: Double?) {
        if let value { append(double: value) } else { appendNull() }
    }

    /// Appends an optional value: `nil` becomes null.
    public mutating func append(optionalString value: String?) {
        if let value { append(string: value) } else { appendNull() }
    }

    /// Appends one list row of strings (the column must be `list<string>`).
    public mutating func append(strings list: some Sequence<String>) {
        guard case .byteArray(var v) = values else { preconditionFailure("column of \(type) is not list<string>") }
        values = .int32([])
        for s in list { v.append(s) }
        values = .byteArray(v)
        closeList()
    }

    /// Appends one list row of int64 values (the column must be `list<int64>`).
    public mutating func append(int64s list: some Sequence<Int64>) {
        guard case .int64(var v) = values else { preconditionFailure("column of \(type) is not list<int64>") }
        values = .int32([])
        v.append(contentsOf: list)
        values = .int64(v)
        closeList()
    }

    /// Appends one list row of int32 values (the column must be `list<int32>`).
    public mutating func append(int32s list: some Sequence<Int32>) {
        guard case .int32(var v) = values else { preconditionFailure("column of \(type) is not list<int32>") }
        values = .int64([])
        v.append(contentsOf: list)
        values = .int32(v)
        closeList()
    }

    /// Appends one list row of double values (the column must be `list<double>`).
    public mutating func append(doubles list: some Sequence<Double>) {
        guard case .double(var v) = values else { preconditionFailure("column of \(type) is not list<double>") }
        values = .int32([])
        v.append(contentsOf: list)
        values = .double(v)
        closeList()
    }

    /// The finished column.
    public func build() -> ColumnArray {
        let valid: [Bool]? = hasNull ? validity : nil
        if type.isList {
            return ColumnArray(values: values, validity: valid, list: ListLayout(offsets: listOffsets, validity: hasNullList ? listValidity : nil))
        }
        return ColumnArray(values: values, validity: valid)
    }

    private mutating func present() {
        if !type.isList { validity.append(true) }
    }

    private mutating func closeList() {
        listOffsets.append(values.count)
        listValidity.append(true)
    }

    private mutating func appendPlaceholder() {
        switch values {
        case .boolean(var v): values = .int32([]); v.append(false); values = .boolean(v)
        case .int32(var v): values = .int64([]); v.append(0); values = .int32(v)
        case .int64(var v): values = .int32([]); v.append(0); values = .int64(v)
        case .float(var v): values = .int32([]); v.append(0); values = .float(v)
        case .double(var v): values = .int32([]); v.append(0); values = .double(v)
        case .byteArray(var v): values = .int32([]); v.appendEmpty(); values = .byteArray(v)
        }
    }
}
