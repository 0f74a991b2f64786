/// Rows of a table held column by column: what a writer takes and a reader returns per row group.
public struct RecordBatch: Hashable, Sendable {
    /// The columns' names and types.
    public var schema: Schema
    /// One array per field of ``schema``, all with ``rowCount`` rows.
    public var columns: [ColumnArray]
    /// The number of rows.
    public var rowCount: Int

    /// Creates a batch, checking that every column matches its field and has `rowCount` rows.
    public init(schema: Schema, columns: [ColumnArray]) throws {
        guard schema.fields.count == columns.count else {
            throw ColumnarError(.schemaMismatch, "schema has \(schema.fields.count) fields but \(columns.count) columns were given")
        }
        let rows = columns.first?.rowCount ?? 0
        for (field, column) in zip(schema.fields, columns) {
            try Self.check(column, against: field, rows: rows)
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
    }

    /// Creates a batch without checks (for readers that built the columns themselves).
    package init(unchecked schema: Schema, columns: [ColumnArray], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The column called `name`, if any.
    public func column(_ name: String) -> ColumnArray? {
        schema.index(of: name).map { columns[$0] }
    }

    private static func check(_ column: ColumnArray, against field: Field, rows: Int) throws {
        func fail(_ what: String) -> ColumnarError {
            ColumnarError(.schemaMismatch, "column '\(field.name)' (\(field.type)): \(what)")
        }
        guard column.values.matches(field.type) else {
            throw fail("values are \(column.values.kindName), which does not hold \(field.type.leafType)")
        }
        guard column.rowCount == rows else { throw fail("has \(column.rowCount) rows but the first column has \(rows)") }
        if let validity = column.validity, validity.count != column.values.count {
            throw fail("validity has \(validity.count) entries for \(column.values.count) values")
        }
        switch field.type {
        case .list(let element):
            guard let list = column.list else { throw fail("is a list but has no list layout") }
            guard list.offsets.first == 0, list.offsets.last == column.values.count,
                zip(list.offsets, list.offsets.dropFirst()).allSatisfy({ $0 <= $1 })
            else { throw fail("list offsets must start at 0, never decrease and end at the element count") }
            if let v = list.validity {
                guard v.count == rows else { throw fail("list validity has \(v.count) entries for \(rows) rows") }
                guard field.nullable || v.allSatisfy({ $0 }) else { throw fail("has a null list but is not nullable") }
            }
            if !element.nullable, column.validity?.contains(false) == true {
                throw fail("has a null element but its elements are not nullable")
            }
        default:
            guard column.list == nil else { throw fail("has a list layout but is not a list") }
            if !field.nullable, column.validity?.contains(false) == true {
                throw fail("has a null but is not nullable")
            }
        }
    }
}
