// The one error type of the PolicyOptimization module (swift-nio FileSystemError manner).

/// What went wrong in policy optimisation: a code to switch on, and a message that quotes the value
/// and says how to fix it.
public struct PolicyOptimizationError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Value: Hashable, Sendable {
            case invalidSettings, invalidInput, model
        }
        let value: Value
        /// A coefficient of ``GRPOSettings`` is out of its range.
        public static let invalidSettings = Code(value: .invalidSettings)
        /// Layouts, rewards or per-token arrays do not fit together.
        public static let invalidInput = Code(value: .invalidInput)
        /// The language model refused a call (the message is its message).
        public static let model = Code(value: .model)
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

    static func invalidSettings(_ message: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .invalidSettings, message: "Invalid GRPO settings: \(message).", file: file, line: line)
    }

    static func invalidInput(_ message: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .invalidInput, message: message, file: file, line: line)
    }

    static func model(_ message: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .model, message: message, file: file, line: line)
    }
}
