/// The type a stage kind declares for one of its params.
public enum ParamType: Hashable, Sendable, CustomStringConvertible {
    /// `true` or `false`.
    case bool
    /// A whole number.
    case int
    /// A number; an int written in the file (`lr: 1`) is accepted and stored as a double.
    case double
    /// Text.
    case string
    /// A list of any values.
    case list
    /// A mapping of names to any values.
    case map
    /// Any value.
    case any

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        case .any: "any"
        }
    }

    /// `value` converted to this type, or `nil` when it does not fit (only int → double converts).
    public func coerce(_ value: ParamValue) -> ParamValue? {
        switch (self, value) {
        case (.any, _), (.bool, .bool), (.int, .int), (.double, .double), (.string, .string), (.list, .list),
            (.map, .map):
            value
        case (.double, .int(let whole)): .double(Double(whole))
        default: nil
        }
    }
}
