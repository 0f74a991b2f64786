/// The value of a stage param: what a pipeline file or a `-p stage.key=value` override can write.
///
/// Plain scalars are typed as in the YAML 1.2 core schema: `true`/`false` are booleans, `3` is an ``int``,
/// `1e-3` and `0.5` are ``double``s, anything else is a ``string``; quoted scalars are always strings.
/// `null`, `.inf` and `.nan` are rejected so that every value has a canonical JSON form
/// (see ``canonicalJSON``), which is what fingerprints hash.
public enum ParamValue: Hashable, Sendable {
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number written without a point or exponent.
    case int(Int)
    /// A finite number written with a point or an exponent.
    case double(Double)
    /// Text.
    case string(String)
    /// An ordered list.
    case list([ParamValue])
    /// A mapping from names to values; its order does not matter.
    case map([String: ParamValue])

    /// The name of this value's type, as used in error messages (`bool`, `int`, `double`, …).
    public var typeName: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        }
    }
}

extension ParamValue: CustomStringConvertible {
    /// The canonical JSON text (``canonicalJSON``), which is also how causes quote values.
    public var description: String { canonicalJSON }
}

extension ParamValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: ParamValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, ParamValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
