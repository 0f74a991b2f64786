/// One node of the flattened (depth-first) schema tree.
///
/// Groups have `numChildren` and no `type`; leaves have a `type` and no `numChildren`.
public struct SchemaElement: Hashable, Sendable, ThriftStruct {
    /// Physical type; absent for groups (`type`, id 1).
    public var type: PhysicalType?
    /// Byte width of FIXED_LEN_BYTE_ARRAY values (`type_length`, id 2).
    public var typeLength: Int32?
    /// Repetition; absent for the root (`repetition_type`, id 3).
    public var repetitionType: Repetition?
    /// Field name (`name`, id 4).
    public var name: String
    /// Number of children of a group (`num_children`, id 5).
    public var numChildren: Int32?
    /// Deprecated type annotation (`converted_type`, id 6).
    public var convertedType: ConvertedType?
    /// Decimal scale for the DECIMAL converted type (`scale`, id 7).
    public var scale: Int32?
    /// Decimal precision for the DECIMAL converted type (`precision`, id 8).
    public var precision: Int32?
    /// Field id from the originating schema (`field_id`, id 9).
    public var fieldId: Int32?
    /// Logical type annotation (`logicalType`, id 10).
    public var logicalType: LogicalType?
    /// Element slots per parent for VECTOR repetition (`vector_length`, id 11).
    public var vectorLength: Int32?

    /// Creates a `SchemaElement`; optional fields default to absent.
    public init(
        type: PhysicalType? = nil,
        typeLength: Int32? = nil,
        repetitionType: Repetition? = nil,
        name: String,
        numChildren: Int32? = nil,
        convertedType: ConvertedType? = nil,
        scale: Int32? = nil,
        precision: Int32? = nil,
        fieldId: Int32? = nil,
        logicalType: LogicalType? = nil,
        vectorLength: Int32? = nil
    ) {
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.name = name
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldId = fieldId
        self.logicalType = logicalType
        self.vectorLength = vectorLength
    }

    package static func read(from reader: inout CompactReader) throws -> SchemaElement {
        var type: PhysicalType?
        var typeLength: Int32?
        var repetitionType: Repetition?
        var name: String?
        var numChildren: Int32?
        var convertedType: ConvertedType?
        var scale: Int32?
        var precision: Int32?
        var fieldId: Int32?
        var logicalType: LogicalType?
        var vectorLength: Int32?
        let owner: StaticString = "SchemaElement"
        try reader.readStruct(owner) { r, field in
            switch field.id {
            case 1: type = try r.readEnum(field, "type")
            case 2: typeLength = try r.readI32(field, "type_length")
            case 3: repetitionType = try r.readEnum(field, "repetition_type")
            case 4: name = try r.readString(field, "name")
            case 5: numChildren = try r.readI32(field, "num_children")
            case 6: convertedType = try r.readEnum(field, "converted_type")
            case 7: scale = try r.readI32(field, "scale")
            case 8: precision = try r.readI32(field, "precision")
            case 9: fieldId = try r.readI32(field, "field_id")
            case 10: logicalType = try r.readStruct(field, "logicalType")
            case 11: vectorLength = try r.readI32(field, "vector_length")
            default: try r.skip(field)
            }
        }
        try FieldCheck.nonNegative(typeLength, owner, "type_length")
        try FieldCheck.nonNegative(numChildren, owner, "num_children")
        try FieldCheck.nonNegative(vectorLength, owner, "vector_length")
        return SchemaElement(
            type: type,
            typeLength: typeLength,
            repetitionType: repetitionType,
            name: try FieldCheck.required(name, owner, "name", id: 4),
            numChildren: numChildren,
            convertedType: convertedType,
            scale: scale,
            precision: precision,
            fieldId: fieldId,
            logicalType: logicalType,
            vectorLength: vectorLength)
    }

    package func write(to writer: inout CompactWriter) {
        writer.beginStruct()
        writer.write(1, enum: type)
        writer.write(2, i32: typeLength)
        writer.write(3, enum: repetitionType)
        writer.write(4, string: name)
        writer.write(5, i32: numChildren)
        writer.write(6, enum: convertedType)
        writer.write(7, i32: scale)
        writer.write(8, i32: precision)
        writer.write(9, i32: fieldId)
        writer.write(10, struct: logicalType)
        writer.write(11, i32: vectorLength)
        writer.endStruct()
    }
}
