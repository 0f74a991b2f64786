/// An error from reading or writing Parquet files and shard sets.
///
/// Modelled on swift-nio's `FileSystemError`: a stable ``Code`` to match on, a message that says
/// what went wrong (quoting the offending value) and what to do next, and a context path that
/// names where in the file it happened, outermost first
/// (`"events.parquet", "row group 2", "column 'ts'", "page at offset 4096"`).
///
/// The ``description`` is for people; its format may change and must not be parsed.
public struct ColumnarError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case corrupt, truncated, unsupported, invalidArgument, io, schemaMismatch
        }
        private let base: Base

        /// The bytes do not follow the Parquet format (bad magic, impossible lengths, bad headers).
        public static let corrupt = Code(base: .corrupt)
        /// The data ends before a structure it announces.
        public static let truncated = Code(base: .truncated)
        /// A valid file uses a feature this reader does not implement.
        public static let unsupported = Code(base: .unsupported)
        /// The caller passed something that cannot work (an unknown column, a bad option).
        public static let invalidArgument = Code(base: .invalidArgument)
        /// The operating system refused a read, write, fsync or rename.
        public static let io = Code(base: .io)
        /// Data handed to a writer does not match its schema.
        public static let schemaMismatch = Code(base: .schemaMismatch)

        public var description: String {
            switch base {
            case .corrupt: "corrupt"
            case .truncated: "truncated"
            case .unsupported: "unsupported"
            case .invalidArgument: "invalid argument"
            case .io: "I/O"
            case .schemaMismatch: "schema mismatch"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened and, where it helps, how to fix it.
    public var message: String
    /// Where it happened, outermost first: file, row group, column, page.
    public var context: [String]

    /// Creates an error.
    public init(_ code: Code, _ message: String, context: [String] = []) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// Returns this error with `part` prepended to its context (called as the error travels outwards).
    public func within(_ part: String) -> ColumnarError {
        var copy = self
        copy.context.insert(part, at: 0)
        return copy
    }

    public var description: String {
        context.isEmpty ? message : context.joined(separator: ", ") + ": " + message
    }
}

extension ColumnarError {
    static func corrupt(_ message: String) -> ColumnarError { ColumnarError(.corrupt, message) }
    static func truncated(_ message: String) -> ColumnarError { ColumnarError(.truncated, message) }
    static func unsupported(_ message: String) -> ColumnarError { ColumnarError(.unsupported, message) }
    static func invalidArgument(_ message: String) -> ColumnarError { ColumnarError(.invalidArgument, message) }
}

/// Runs `body`, adding `part` to the context of any ``ColumnarError`` it throws.
@inline(__always)
func withContext<T>(_ part: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ColumnarError {
        throw error.within(part())
    }
}
