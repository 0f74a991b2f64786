/// Conversion between ``Schema`` and the flattened Parquet schema (`FileMetaData.schema`).
extension Schema {
    /// The Parquet schema elements our writer emits: a root, then each field depth-first.
    package func parquetElements() -> [SchemaElement] {
        var elements = [SchemaElement(name: "schema", numChildren: Int32(fields.count))]
        for field in fields {
            switch field.type {
            case .list(let element):
                elements.append(
                    SchemaElement(
                        repetitionType: field.nullable ? .optional : .required, name: field.name,
                        numChildren: 1, convertedType: .list, logicalType: .list))
                elements.append(SchemaElement(repetitionType: .repeated, name: "list", numChildren: 1))
                elements.append(Self.leafElement(name: element.name, type: element.type, nullable: element.nullable))
            default:
                elements.append(Self.leafElement(name: field.name, type: field.type, nullable: field.nullable))
            }
        }
        return elements
    }

    private static func leafElement(name: String, type: DataType, nullable: Bool) -> SchemaElement {
        var element = SchemaElement(
            type: LeafColumn.physicalType(for: type), repetitionType: nullable ? .optional : .required, name: name)
        switch type {
        case .string:
            element.convertedType = .utf8
            element.logicalType = .string
        case .date:
            element.convertedType = .date
            element.logicalType = .date
        case .timestamp(let unit, let utc):
            let logicalUnit: LogicalTimeUnit =
                switch unit {
                case .millis: .millis
                case .micros: .micros
                case .nanos: .nanos
                }
            element.logicalType = .timestamp(isAdjustedToUTC: utc, unit: logicalUnit)
            if utc && unit == .millis { element.convertedType = .timestampMillis }
            if utc && unit == .micros { element.convertedType = .timestampMicros }
        default:
            break
        }
        return element
    }

    /// Reads a file's flattened schema into our schema and leaf layouts.
    ///
    /// Columns this library cannot present (structs, maps, nested lists) are returned in
    /// `unsupported` with a reason, so that a projection may skip them.
    package static func fromParquet(_ elements: [SchemaElement]) throws -> ParquetSchemaMapping {
        var parser = ParquetSchemaParser(elements: elements)
        return try parser.parse()
    }
}

/// The result of mapping a Parquet schema: supported columns (with their leaf index in the file)
/// and unsupported ones.
package struct ParquetSchemaMapping: Sendable {
    /// The presentable columns, in file order.
    package var schema: Schema
    /// For each field of ``schema``: its leaf layout and the index of its leaf among the file's leaves.
    package var leaves: [(leaf: LeafColumn, leafIndex: Int)]
    /// Top-level columns that cannot be presented, with the reason.
    package var unsupported: [(name: String, reason: String)]
    /// Number of leaf columns in the file (a row group must have this many column chunks).
    package var leafCount: Int
}
