/// How one top-level column of a ``Schema`` is laid out as a Parquet leaf column.
///
/// Definition levels for a list column (L = 1 when the list is nullable, E = 1 when its elements
/// are): `def < listDefinedLevel` → the list is null; `def == listDefinedLevel` → the list is empty;
/// `def == elementLevel` with E = 1 → a null element; `def == maxDefinitionLevel` → a value.
package struct LeafColumn: Hashable, Sendable {
    /// The top-level field (for a list: the list field).
    package var field: Field
    /// The path of the leaf in the Parquet schema (`["tags", "list", "element"]`).
    package var path: [String]
    /// The Parquet physical type of the leaf.
    package var physicalType: PhysicalType
    /// FIXED_LEN_BYTE_ARRAY length, when that is the physical type.
    package var typeLength: Int
    /// The highest definition level (a present value).
    package var maxDefinitionLevel: Int
    /// The highest repetition level (0 flat, 1 list).
    package var maxRepetitionLevel: Int
    /// For lists: the level at which the list itself is present (empty).
    package var listDefinedLevel: Int
    /// For lists: the level at which an element slot exists (null or not).
    package var elementLevel: Int

    /// The layout our writer uses for `field` (3-level LIST for lists).
    package init(writing field: Field) {
        self.field = field
        self.typeLength = 0
        self.physicalType = LeafColumn.physicalType(for: field.type.leafType)
        switch field.type {
        case .list(let element):
            let l = field.nullable ? 1 : 0
            path = [field.name, "list", element.name]
            listDefinedLevel = l
            elementLevel = l + 1
            maxDefinitionLevel = l + 1 + (element.nullable ? 1 : 0)
            maxRepetitionLevel = 1
        default:
            path = [field.name]
            listDefinedLevel = 0
            elementLevel = 0
            maxDefinitionLevel = field.nullable ? 1 : 0
            maxRepetitionLevel = 0
        }
    }

    /// A layout read from a file's schema.
    package init(
        field: Field, path: [String], physicalType: PhysicalType, typeLength: Int,
        maxDefinitionLevel: Int, maxRepetitionLevel: Int, listDefinedLevel: Int, elementLevel: Int
    ) {
        self.field = field
        self.path = path
        self.physicalType = physicalType
        self.typeLength = typeLength
        self.maxDefinitionLevel = maxDefinitionLevel
        self.maxRepetitionLevel = maxRepetitionLevel
        self.listDefinedLevel = listDefinedLevel
        self.elementLevel = elementLevel
    }

    /// Whether the leaf's values may be null (a flat nullable column, or nullable list elements).
    package var leafNullable: Bool {
        maxRepetitionLevel == 0 ? maxDefinitionLevel > 0 : maxDefinitionLevel > elementLevel
    }

    /// The dotted path, for messages.
    package var dottedPath: String { path.joined(separator: ".") }

    /// The physical type our writer uses for a leaf type.
    package static func physicalType(for type: DataType) -> PhysicalType {
        switch type {
        case .boolean: .boolean
        case .int32, .date: .int32
        case .int64, .timestamp: .int64
        case .float: .float
        case .double: .double
        case .string, .binary: .byteArray
        case .list: .byteArray  // never a leaf
        }
    }
}
