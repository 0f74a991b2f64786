/// Walks a depth-first flattened Parquet schema and maps each top-level column onto a ``Field``.
///
/// Supported: primitive columns (REQUIRED or OPTIONAL), 3-level LIST groups
/// (`<opt> group x (LIST) { repeated group list { <opt> T element; } }`), 2-level lists
/// (`group x (LIST) { repeated T element; }`) and bare repeated primitives (`repeated T x`).
struct ParquetSchemaParser {
    let elements: [SchemaElement]
    private var next = 1
    private var leafCount = 0

    init(elements: [SchemaElement]) {
        self.elements = elements
    }

    mutating func parse() throws -> ParquetSchemaMapping {
        guard let root = elements.first else { throw ColumnarError.corrupt("schema is empty; a Parquet schema starts with a root element") }
        let childCount = Int(root.numChildren ?? 0)
        guard childCount >= 0, childCount < elements.count else {
            throw ColumnarError.corrupt("schema root claims \(childCount) children but the schema has \(elements.count) elements")
        }
        var fields: [Field] = []
        var leaves: [(leaf: LeafColumn, leafIndex: Int)] = []
        var unsupported: [(name: String, reason: String)] = []
        var names = Set<String>()
        for _ in 0..<childCount {
            let start = next
            let firstLeaf = leafCount
            let element = try take()
            let outcome: Result<LeafColumn, ColumnarError>
            if isGroup(element) {
                outcome = try parseGroup(element, start: start)
            } else {
                outcome = try parsePrimitive(element)
            }
            switch outcome {
            case .success(let leaf):
                guard names.insert(leaf.field.name).inserted else {
                    unsupported.append((leaf.field.name, "the name appears twice in the file's schema"))
                    continue
                }
                fields.append(leaf.field)
                leaves.append((leaf, firstLeaf))
            case .failure(let error):
                unsupported.append((element.name, error.message))
            }
        }
        guard next == elements.count else {
            throw ColumnarError.corrupt("schema has \(elements.count) elements but its tree covers only \(next)")
        }
        return ParquetSchemaMapping(schema: Schema(fields), leaves: leaves, unsupported: unsupported, leafCount: leafCount)
    }

    private func isGroup(_ e: SchemaElement) -> Bool { (e.numChildren ?? 0) > 0 || e.type == nil }

    private mutating func take() throws -> SchemaElement {
        guard next < elements.count else {
            throw ColumnarError.corrupt("schema ends early: element \(next) is announced by a parent's num_children but missing")
        }
        defer { next += 1 }
        return elements[next]
    }

    /// Skips the subtree under an already-taken group, counting its leaves.
    private mutating func skipChildren(of group: SchemaElement, depth: Int = 0) throws {
        guard depth < 64 else { throw ColumnarError.corrupt("schema nests deeper than 64 levels") }
        let n = Int(group.numChildren ?? 0)
        guard n >= 0, n <= elements.count - next else {
            throw ColumnarError.corrupt("schema element '\(group.name)' claims \(n) children but only \(elements.count - next) elements follow")
        }
        for _ in 0..<n {
            let child = try take()
            if isGroup(child) { try skipChildren(of: child, depth: depth + 1) } else { leafCount += 1 }
        }
    }

    private mutating func parsePrimitive(_ e: SchemaElement) throws -> Result<LeafColumn, ColumnarError> {
        leafCount += 1
        let type: DataType
        switch Self.dataType(of: e) {
        case .success(let t): type = t
        case .failure(let error): return .failure(error)
        }
        let physical = e.type ?? .byteArray
        let length = Int(e.typeLength ?? 0)
        switch e.repetitionType ?? .required {
        case .repeated:
            // A bare repeated primitive is a required list of required elements.
            let field = Field(e.name, .list(Field("element", type, nullable: false)), nullable: false)
            return .success(
                LeafColumn(
                    field: field, path: [e.name], physicalType: physical, typeLength: length,
                    maxDefinitionLevel: 1, maxRepetitionLevel: 1, listDefinedLevel: 0, elementLevel: 1))
        case .optional:
            return .success(
                LeafColumn(
                    field: Field(e.name, type, nullable: true), path: [e.name], physicalType: physical,
                    typeLength: length, maxDefinitionLevel: 1, maxRepetitionLevel: 0, listDefinedLevel: 0, elementLevel: 0))
        default:
            return .success(
                LeafColumn(
                    field: Field(e.name, type, nullable: false), path: [e.name], physicalType: physical,
                    typeLength: length, maxDefinitionLevel: 0, maxRepetitionLevel: 0, listDefinedLevel: 0, elementLevel: 0))
        }
    }

    private mutating func parseGroup(_ group: SchemaElement, start: Int) throws -> Result<LeafColumn, ColumnarError> {
        let isList = group.logicalType == .list || group.convertedType == .list
        let n = Int(group.numChildren ?? 0)
        guard isList, n == 1, next < elements.count, elements[next].repetitionType == .repeated else {
            try skipChildren(of: group)
            let kind = group.logicalType == .map || group.convertedType == .map || group.convertedType == .mapKeyValue ? "a map" : isList ? "a list of an unusual shape" : "a struct"
            return .failure(ColumnarError.unsupported("column '\(group.name)' is \(kind), which this reader does not support; project it away"))
        }
        let listLevel = group.repetitionType == .optional ? 1 : 0
        let repeated = try take()
        let element: SchemaElement
        var path = [group.name, repeated.name]
        if isGroup(repeated) {
            // 3-level list: the repeated group holds exactly one primitive element.
            guard repeated.numChildren == 1, next < elements.count, !isGroup(elements[next]),
                repeated.name != "array", repeated.name != group.name + "_tuple"
            else {
                try skipChildren(of: repeated)
                return .failure(ColumnarError.unsupported("column '\(group.name)' is a list of structs or lists, which this reader does not support; project it away"))
            }
            element = try take()
            path.append(element.name)
        } else {
            // 2-level list: the repeated primitive is the element.
            element = repeated
        }
        leafCount += 1
        if element.repetitionType == .repeated {
            return .failure(ColumnarError.unsupported("column '\(group.name)' has a repeated element inside a list, which this reader does not support"))
        }
        let elementType: DataType
        switch Self.dataType(of: element) {
        case .success(let t): elementType = t
        case .failure(let error): return .failure(error)
        }
        let elementNullable = isGroup(repeated) && element.repetitionType == .optional
        let field = Field(
            group.name, .list(Field(isGroup(repeated) ? element.name : "element", elementType, nullable: elementNullable)),
            nullable: listLevel == 1)
        return .success(
            LeafColumn(
                field: field, path: path, physicalType: element.type ?? .byteArray, typeLength: Int(element.typeLength ?? 0),
                maxDefinitionLevel: listLevel + 1 + (elementNullable ? 1 : 0), maxRepetitionLevel: 1,
                listDefinedLevel: listLevel, elementLevel: listLevel + 1))
    }

    /// The type we present for a primitive element, from its physical type and annotations.
    static func dataType(of e: SchemaElement) -> Result<DataType, ColumnarError> {
        guard let physical = e.type else {
            return .failure(ColumnarError.corrupt("schema element '\(e.name)' has no type and no children"))
        }
        switch physical {
        case .boolean:
            return .success(.boolean)
        case .int32:
            if e.logicalType == .date || e.convertedType == .date { return .success(.date) }
            return .success(.int32)
        case .int64:
            if case .timestamp(let utc, let unit)? = e.logicalType {
                switch unit {
                case .millis: return .success(.timestamp(.millis, utc: utc))
                case .micros: return .success(.timestamp(.micros, utc: utc))
                case .nanos: return .success(.timestamp(.nanos, utc: utc))
                default: return .success(.int64)
                }
            }
            if e.convertedType == .timestampMillis { return .success(.timestamp(.millis, utc: true)) }
            if e.convertedType == .timestampMicros { return .success(.timestamp(.micros, utc: true)) }
            return .success(.int64)
        case .int96:
            return .success(.timestamp(.nanos, utc: false))
        case .float:
            return .success(.float)
        case .double:
            return .success(.double)
        case .byteArray:
            switch e.logicalType {
            case .string?, .enum?, .json?: return .success(.string)
            default: break
            }
            if e.convertedType == .utf8 || e.convertedType == .enum || e.convertedType == .json { return .success(.string) }
            return .success(.binary)
        case .fixedLenByteArray:
            guard let length = e.typeLength, length >= 0 else {
                return .failure(ColumnarError.corrupt("FIXED_LEN_BYTE_ARRAY column '\(e.name)' has no valid type_length"))
            }
            return .success(.binary)
        default:
            return .failure(ColumnarError.unsupported("column '\(e.name)' has physical type \(physical), which this reader does not know"))
        }
    }
}
