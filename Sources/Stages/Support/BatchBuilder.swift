public import Columnar

/// Builds a ``RecordBatch`` of a known schema row by row, one ``ColumnBuilder`` per field.
///
/// ```swift
/// var out = BatchBuilder(DatasetSchemas.quarantine)
/// out[0].append(string: "part-0.jsonl"); out[1].append(int64: 7); ...
/// let batch = try out.build()
/// ```
public struct BatchBuilder: Sendable {
    /// The schema being built.
    public let schema: Schema
    /// One builder per field, in schema order.
    public var columns: [ColumnBuilder]

    /// An empty batch of `schema`.
    public init(_ schema: Schema) {
        self.schema = schema
        self.columns = schema.fields.map { ColumnBuilder($0.type) }
    }

    /// The builder of field `index`.
    public subscript(index: Int) -> ColumnBuilder {
        get { columns[index] }
        _modify { yield &columns[index] }
    }

    /// The builder of the field called `name` (a programming error if there is none).
    public subscript(name: String) -> ColumnBuilder {
        get { columns[index(name)] }
        _modify { yield &columns[index(name)] }
    }

    /// The index of the field called `name`.
    public func index(_ name: String) -> Int {
        guard let i = schema.index(of: name) else { preconditionFailure("schema has no field '\(name)'") }
        return i
    }

    /// The number of rows of the first column.
    public var rowCount: Int { columns.first?.rowCount ?? 0 }

    /// The finished batch (checked against the schema).
    public func build() throws -> RecordBatch {
        try RecordBatch(schema: schema, columns: columns.map { $0.build() })
    }
}
