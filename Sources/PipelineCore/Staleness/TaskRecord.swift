/// What the run manifest remembers of a task: its last successful run, and the error of its last
/// attempt if that attempt failed.
public struct TaskRecord: Hashable, Sendable {
    /// A successful run of a task: what it ran with and what it wrote.
    public struct Success: Hashable, Sendable {
        /// The fingerprint the task had when it ran.
        public var fingerprint: Fingerprint
        /// The stage kind it ran as.
        public var kind: String
        /// The kind's code version then.
        public var codeVersion: CodeVersion
        /// The resolved params then (the manifest stores their canonical JSON;
        /// see ``ParamValue/init(canonicalJSON:)``).
        public var params: [String: ParamValue]
        /// The input shards it read, with their checksums then.
        public var inputs: [InputShard]
        /// The output shards it wrote, with their checksums.
        public var outputs: [OutputShard]

        /// Creates a record of a successful run.
        public init(
            fingerprint: Fingerprint,
            kind: String,
            codeVersion: CodeVersion,
            params: [String: ParamValue],
            inputs: [InputShard],
            outputs: [OutputShard]
        ) {
            self.fingerprint = fingerprint
            self.kind = kind
            self.codeVersion = codeVersion
            self.params = params
            self.inputs = inputs
            self.outputs = outputs
        }

        /// The record of running `definition` and writing `outputs`, with the definition's fingerprint.
        public init(definition: TaskDefinition, outputs: [OutputShard]) {
            self.init(
                fingerprint: definition.fingerprint, kind: definition.kind, codeVersion: definition.codeVersion,
                params: definition.params, inputs: definition.inputs, outputs: outputs)
        }
    }

    /// The last successful run, or `nil` if the task never succeeded.
    public var lastSuccess: Success?
    /// The error of the last attempt when it failed (after ``lastSuccess``, if any); `nil` when it succeeded.
    public var lastFailure: String?

    /// Creates a record.
    public init(lastSuccess: Success?, lastFailure: String? = nil) {
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
    }
}
