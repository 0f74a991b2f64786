public import Columnar

/// Typed access to a batch's columns by name, throwing a ``StageError`` that names the column when
/// it is missing or has another type (a shard written by an older or foreign writer).
extension RecordBatch {
    /// The int64 (or timestamp) values of `name`; nulls read as 0 (check ``ColumnArray/isValid(_:)``).
    public func int64s(_ name: String) throws -> [Int64] {
        guard case .int64(let v) = try flat(name).values else { throw mismatch(name, "int64") }
        return v
    }

    /// The int32 values of `name`; nulls read as 0.
    public func int32s(_ name: String) throws -> [Int32] {
        guard case .int32(let v) = try flat(name).values else { throw mismatch(name, "int32") }
        return v
    }

    /// The double values of `name`; nulls read as 0.
    public func doubles(_ name: String) throws -> [Double] {
        guard case .double(let v) = try flat(name).values else { throw mismatch(name, "double") }
        return v
    }

    /// The boolean values of `name`; nulls read as false.
    public func bools(_ name: String) throws -> [Bool] {
        guard case .boolean(let v) = try flat(name).values else { throw mismatch(name, "boolean") }
        return v
    }

    /// The string values of `name`; nulls read as "" (check ``ColumnArray/isValid(_:)``).
    public func strings(_ name: String) throws -> ByteArrayColumn {
        guard case .byteArray(let v) = try flat(name).values else { throw mismatch(name, "string") }
        return v
    }

    /// The string values of `name` as Swift strings, `nil` where null.
    public func optionalStrings(_ name: String) throws -> [String?] {
        let column = try flat(name)
        guard case .byteArray(let v) = column.values else { throw mismatch(name, "string") }
        return (0..<v.count).map { column.isValid($0) ? v.string(at: $0) : nil }
    }

    /// The int64 values of `name`, `nil` where null.
    public func optionalInt64s(_ name: String) throws -> [Int64?] {
        let column = try flat(name)
        guard case .int64(let v) = column.values else { throw mismatch(name, "int64") }
        return v.indices.map { column.isValid($0) ? v[$0] : nil }
    }

    /// The int32 values of `name`, `nil` where null.
    public func optionalInt32s(_ name: String) throws -> [Int32?] {
        let column = try flat(name)
        guard case .int32(let v) = column.values else { throw mismatch(name, "int32") }
        return v.indices.map { column.isValid($0) ? v[$0] : nil }
    }

    /// The double values of `name`, `nil` where null.
    public func optionalDoubles(_ name: String) throws -> [Double?] {
        let column = try flat(name)
        guard case .double(let v) = column.values else { throw mismatch(name, "double") }
        return v.indices.map { column.isValid($0) ? v[$0] : nil }
    }

    /// A `list<string>` column as row offsets and element strings (a null list reads as empty).
    public func stringLists(_ name: String) throws -> (offsets: [Int], elements: ByteArrayColumn) {
        let column = try list(name)
        guard case .byteArray(let v) = column.values else { throw mismatch(name, "list<string>") }
        return (column.list?.offsets ?? [0], v)
    }

    /// A `list<int64>` column as row offsets and element values.
    public func int64Lists(_ name: String) throws -> (offsets: [Int], elements: [Int64]) {
        let column = try list(name)
        guard case .int64(let v) = column.values else { throw mismatch(name, "list<int64>") }
        return (column.list?.offsets ?? [0], v)
    }

    /// A `list<int32>` column as row offsets and element values.
    public func int32Lists(_ name: String) throws -> (offsets: [Int], elements: [Int32]) {
        let column = try list(name)
        guard case .int32(let v) = column.values else { throw mismatch(name, "list<int32>") }
        return (column.list?.offsets ?? [0], v)
    }

    /// A `list<double>` column as row offsets and element values.
    public func doubleLists(_ name: String) throws -> (offsets: [Int], elements: [Double]) {
        let column = try list(name)
        guard case .double(let v) = column.values else { throw mismatch(name, "list<double>") }
        return (column.list?.offsets ?? [0], v)
    }

    private func flat(_ name: String) throws -> ColumnArray {
        guard let column = column(name) else { throw missingColumn(name) }
        guard column.list == nil else { throw mismatch(name, "a flat column") }
        return column
    }

    private func list(_ name: String) throws -> ColumnArray {
        guard let column = column(name) else { throw missingColumn(name) }
        guard column.list != nil else { throw mismatch(name, "a list column") }
        return column
    }

    private func missingColumn(_ name: String) -> StageError {
        StageError(.badInput, "the data has no column '\(name)' (columns: \(schema.fields.map(\.name).joined(separator: ", "))); rerun the stage that writes it")
    }

    private func mismatch(_ name: String, _ expected: String) -> StageError {
        let actual = schema.index(of: name).map { "\(schema.fields[$0].type)" } ?? "?"
        return StageError(.badInput, "column '\(name)' is \(actual), expected \(expected); rerun the stage that writes it")
    }
}
