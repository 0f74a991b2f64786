/// One param a stage kind accepts: its name, type, and whether it is required or has a default.
public struct ParamSpec: Hashable, Sendable {
    /// The param's name, as written under a stage's `params:` (snake_case).
    public var name: String
    /// The type values must have.
    public var type: ParamType
    /// The value used when neither the file nor an override sets it; `nil` when there is none.
    public var defaultValue: ParamValue?
    /// Whether the file (or an override) must set it.
    public var isRequired: Bool
    /// One line for `--help`-style listings.
    public var description: String

    /// A param with a default value: optional in the file.
    public init(_ name: String, _ type: ParamType, default defaultValue: ParamValue, description: String = "") {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = false
        self.description = description
    }

    /// A param without a default: required, or (with `required: false`) simply absent when not set.
    public init(_ name: String, _ type: ParamType, required: Bool, description: String = "") {
        self.name = name
        self.type = type
        self.defaultValue = nil
        self.isRequired = required
        self.description = description
    }
}
