/// What the pipeline core knows of a stage kind: its name, code version, params and description.
///
/// The Swift implementation of the kind lives elsewhere (the `Stages` target); this is its declarative
/// face, enough to validate a pipeline file and fingerprint its tasks.
public struct StageKindInfo: Hashable, Sendable {
    /// The name written as `kind:` in a pipeline file.
    public var name: String
    /// The version of the kind's code; part of every task fingerprint.
    public var codeVersion: CodeVersion
    /// The params the kind accepts, in the order they are documented.
    public var params: [ParamSpec]
    /// One line describing what the kind does.
    public var description: String
    /// Whether params beyond ``params`` are accepted, untyped (the `command` kind passes them to the
    /// command as environment variables).
    public var acceptsExtraParams: Bool

    /// Creates a kind description.
    public init(
        name: String, codeVersion: CodeVersion, params: [ParamSpec] = [], description: String = "",
        acceptsExtraParams: Bool = false
    ) {
        self.name = name
        self.codeVersion = codeVersion
        self.params = params
        self.description = description
        self.acceptsExtraParams = acceptsExtraParams
    }

    /// The param declared as `name`, if any (for a kind that accepts extra params, any name is an
    /// untyped optional param).
    public func param(named name: String) -> ParamSpec? {
        params.first { $0.name == name } ?? (acceptsExtraParams ? ParamSpec(name, .any, required: false) : nil)
    }

    /// The built-in `command` kind: an external shell command, like a DVC `cmd`.
    ///
    /// Params: `cmd` (string, required), `env` (map of environment variables, optional), and any
    /// other param, passed to the command as `AIGQ_PARAM_<NAME>`.
    public static let command = StageKindInfo(
        name: "command",
        codeVersion: 1,
        params: [
            ParamSpec("cmd", .string, required: true, description: "The shell command to run."),
            ParamSpec("env", .map, required: false, description: "Extra environment variables."),
        ],
        description: "Runs an external shell command with declared inputs and outputs.",
        acceptsExtraParams: true
    )
}
