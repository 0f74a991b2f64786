/// An error from training, saving or loading a ``ClickModel``.
///
/// The ``message`` is one sentence for people: what went wrong, quoting the offending value (a path,
/// a version, a feature name), and what to do about it. Match on ``code``, never on the message.
public struct ClickModelError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public enum Code: String, Hashable, Sendable {
        /// The caller passed data or options the model cannot use (no rows, mismatched sizes, NaN).
        case invalidArgument = "invalid argument"
        /// A model file is not a model of this format (bad JSON, a missing or wrong field).
        case badFormat = "bad format"
        /// A model file of another format version.
        case unsupportedVersion = "unsupported version"
        /// A file could not be read or written.
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
