/// A benchmark failure, with a message that says what to do about it.
public struct BenchmarkError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
