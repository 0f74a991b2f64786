/// An error from a concrete stage: bad input data, a bad param, or a failed read or write.
///
/// The message quotes the offending value, names the file (and line or column) where there is one,
/// and says what to do next. The runner records it as the task's error.
public struct StageError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public enum Code: String, Hashable, Sendable {
        /// A param has a value the stage cannot use.
        case badParam = "bad param"
        /// Input data breaks the contract (too many bad lines, a missing `_SUCCESS`, a wrong schema).
        case badInput = "bad input"
        /// A read or write failed.
        case io = "I/O"
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
