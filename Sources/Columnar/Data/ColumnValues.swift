/// The values of one column (or of a list column's elements), one slot per row or element.
///
/// A null slot holds a placeholder (zero, `false` or an empty byte string); ``ColumnArray/validity``
/// says which slots are null.
public enum ColumnValues: Hashable, Sendable {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case float([Float])
    case double([Double])
    case byteArray(ByteArrayColumn)

    /// The number of slots.
    public var count: Int {
        switch self {
        case .boolean(let v): v.count
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .float(let v): v.count
        case .double(let v): v.count
        case .byteArray(let v): v.count
        }
    }

    /// Empty values of the storage kind that `type` uses.
    public static func empty(for type: DataType) -> ColumnValues {
        switch type.leafType {
        case .boolean: .boolean([])
        case .int32, .date: .int32([])
        case .int64, .timestamp: .int64([])
        case .float: .float([])
        case .double: .double([])
        case .string, .binary: .byteArray(ByteArrayColumn())
        case .list: preconditionFailure("leafType is never a list")
        }
    }

    /// Whether these values are the storage kind that `type` uses.
    public func matches(_ type: DataType) -> Bool {
        switch (self, type.leafType) {
        case (.boolean, .boolean), (.int32, .int32), (.int32, .date), (.int64, .int64), (.int64, .timestamp),
            (.float, .float), (.double, .double), (.byteArray, .string), (.byteArray, .binary):
            true
        default:
            false
        }
    }

    /// The name of the storage kind, for error messages.
    public var kindName: String {
        switch self {
        case .boolean: "[Bool]"
        case .int32: "[Int32]"
        case .int64: "[Int64]"
        case .float: "[Float]"
        case .double: "[Double]"
        case .byteArray: "ByteArrayColumn"
        }
    }
}
