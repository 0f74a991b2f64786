/// The SyntheticLogs module's one error: a message that says what is wrong and how to fix it.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    /// The message.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
