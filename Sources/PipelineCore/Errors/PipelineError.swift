/// An error in a pipeline file, a command-line override, or a request made of the stage graph.
///
/// Modelled on swift-nio's `FileSystemError`: a stable ``Code`` to match on, a ``message`` that quotes the
/// offending value and says how to fix it, and, for errors found in a file, the ``location`` and the
/// source line it points at. ``description`` renders the compiler way:
///
/// ```text
/// Pipelines/daily.yaml:14:7: unknown kind 'sesions'; did you mean 'sessions'?
///     kind: sesions
///           ^
/// ```
///
/// Messages are for people; no code should parse them.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is. New codes may be added; match with `==`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case syntax, schemaVersion, unknownKey, missingKey, wrongType, invalidValue
            case unknownKind, unknownParam, duplicateName, unknownInput, duplicateProducer, cycle
            case unknownStage, invalidOverride
        }
        private let base: Base

        /// The text is not well-formed YAML.
        public static let syntax = Code(base: .syntax)
        /// The `schema` key is missing or names a version this build does not read.
        public static let schemaVersion = Code(base: .schemaVersion)
        /// A mapping has a key the schema does not define.
        public static let unknownKey = Code(base: .unknownKey)
        /// A required key is absent.
        public static let missingKey = Code(base: .missingKey)
        /// A value has the wrong type (a list where a string belongs, a string where a number belongs).
        public static let wrongType = Code(base: .wrongType)
        /// A value has the right type but is not allowed (a negative retry count, a bad duration).
        public static let invalidValue = Code(base: .invalidValue)
        /// A stage names a kind the registry does not know.
        public static let unknownKind = Code(base: .unknownKind)
        /// A param is not declared by the stage's kind, or a required param is missing.
        public static let unknownParam = Code(base: .unknownParam)
        /// Two stages share a name, or a stage lists a dataset twice.
        public static let duplicateName = Code(base: .duplicateName)
        /// A stage reads a dataset that no stage writes and that is not a declared source.
        public static let unknownInput = Code(base: .unknownInput)
        /// Two stages write the same dataset, or a stage writes a declared source.
        public static let duplicateProducer = Code(base: .duplicateProducer)
        /// The stages' inputs and outputs form a cycle.
        public static let cycle = Code(base: .cycle)
        /// A command-line selection names a stage that does not exist.
        public static let unknownStage = Code(base: .unknownStage)
        /// A `-p stage.key=value` override is malformed.
        public static let invalidOverride = Code(base: .invalidOverride)

        public var description: String {
            switch base {
            case .syntax: "syntax"
            case .schemaVersion: "schema version"
            case .unknownKey: "unknown key"
            case .missingKey: "missing key"
            case .wrongType: "wrong type"
            case .invalidValue: "invalid value"
            case .unknownKind: "unknown kind"
            case .unknownParam: "unknown param"
            case .duplicateName: "duplicate name"
            case .unknownInput: "unknown input"
            case .duplicateProducer: "duplicate producer"
            case .cycle: "cycle"
            case .unknownStage: "unknown stage"
            case .invalidOverride: "invalid override"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, quoting the offending value, and how to fix it.
    public var message: String
    /// Where in a pipeline file, when the error comes from one.
    public var location: SourceLocation?
    /// The full source line at ``location`` (without its newline), for the snippet under the message.
    public var sourceLine: String?
    /// The underlying error, such as the YAML parser's.
    public var cause: (any Error)?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        location: SourceLocation? = nil,
        sourceLine: String? = nil,
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.sourceLine = sourceLine
        self.cause = cause
    }

    /// `file:line:column: message`, then the source line and a caret under the column.
    public var description: String {
        guard let location else { return message }
        var text = "\(location): \(message)"
        if let sourceLine {
            text += "\n" + sourceLine + "\n" + Self.caret(under: location.column, in: sourceLine)
        }
        return text
    }

    /// Spaces (tabs where the line has tabs) up to `column`, then `^`.
    static func caret(under column: Int, in line: String) -> String {
        let prefix = line.unicodeScalars.prefix(max(0, column - 1))
        return String(String.UnicodeScalarView(prefix.map { $0 == "\t" ? "\t" : " " })) + "^"
    }
}
