/// An error from planning or running a pipeline: what went wrong, quoting the offending value, and
/// what to do next. The CLI prints ``description`` as one sentence and exits non-zero.
public struct RunnerError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable {
        private enum Base: Hashable, Sendable { case locked, io, planning, taskFailed, usage }
        private let base: Base
        /// Another `aigq run` holds the workspace.
        public static let locked = Code(base: .locked)
        /// A file operation failed.
        public static let io = Code(base: .io)
        /// The pipeline cannot be turned into tasks (no days, unsupported layout).
        public static let planning = Code(base: .planning)
        /// One or more tasks failed.
        public static let taskFailed = Code(base: .taskFailed)
        /// The options make no sense together.
        public static let usage = Code(base: .usage)
    }

    /// The kind of failure.
    public var code: Code
    /// One sentence: what happened and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
