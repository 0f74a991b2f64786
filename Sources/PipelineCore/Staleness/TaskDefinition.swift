/// What a task would run with now: its stage's kind, code version and resolved params, and the
/// current checksums of the input shards it reads.
public struct TaskDefinition: Hashable, Sendable {
    /// The stage kind.
    public var kind: String
    /// The kind's code version.
    public var codeVersion: CodeVersion
    /// Resolved params.
    public var params: [String: ParamValue]
    /// The input shards the task reads, with their current checksums.
    public var inputs: [InputShard]

    /// Creates a definition.
    public init(kind: String, codeVersion: CodeVersion, params: [String: ParamValue], inputs: [InputShard]) {
        self.kind = kind
        self.codeVersion = codeVersion
        self.params = params
        self.inputs = inputs
    }

    /// The definition of a task of `stage` reading `inputs`.
    public init(stage: StageSpec, inputs: [InputShard]) {
        self.init(kind: stage.kind, codeVersion: stage.codeVersion, params: stage.params, inputs: inputs)
    }

    /// The task's fingerprint.
    public var fingerprint: Fingerprint {
        Fingerprint(kind: kind, codeVersion: codeVersion, params: params, inputs: inputs)
    }
}
