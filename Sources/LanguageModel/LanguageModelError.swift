// The one error type of the LanguageModel module (swift-nio FileSystemError manner).

/// What went wrong in the language model: a code to switch on, and a message that quotes the value and
/// says how to fix it.
public struct LanguageModelError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: Hashable, Sendable {
            case invalidConfig, invalidInput, checkpointIO, checkpointFormat, checkpointMismatch, vocabulary
        }
        let value: Value
        public static let invalidConfig = Code(value: .invalidConfig)
        public static let invalidInput = Code(value: .invalidInput)
        public static let checkpointIO = Code(value: .checkpointIO)
        public static let checkpointFormat = Code(value: .checkpointFormat)
        public static let checkpointMismatch = Code(value: .checkpointMismatch)
        public static let vocabulary = Code(value: .vocabulary)
        public var description: String { "\(value)" }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, the offending value in quotes, and how to fix it.
    public var message: String
    /// Where it was thrown.
    public var location: String

    /// An error with a code, a message and the thrower's location.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.location = "\(file):\(line)"
    }

    public var description: String { message }

    static func invalidConfig(_ message: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .invalidConfig, message: "Invalid transformer config: \(message).", file: file, line: line)
    }

    static func invalidInput(_ message: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .invalidInput, message: message, file: file, line: line)
    }
}
