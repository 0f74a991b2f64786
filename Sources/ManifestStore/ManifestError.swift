/// An error from opening, migrating, reading or writing the run manifest.
///
/// Modelled on swift-nio's `FileSystemError`: a stable ``Code`` to match on, a ``message`` that
/// says what went wrong (quoting the offending value) and how it may be remedied, the underlying
/// ``cause`` (usually a GRDB `DatabaseError`), and the ``location`` that threw.
///
/// ```swift
/// do {
///     let manifest = try Manifest(path: "Workspace/manifest.sqlite")
/// } catch let error as ManifestError where error.code == .newerSchema {
///     print(error.message)  // "… was written by a newer aigq …"
/// }
/// ```
///
/// The ``description`` is for people; its format may change and must not be parsed.
public struct ManifestError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is. New codes may be added; switch with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case cannotOpen, newerSchema, notAManifest, busy, notFound, invalidState
            case invalidArgument, corruptRecord, database
        }
        private let base: Base

        /// The database file could not be opened or created (missing directory, permissions).
        public static let cannotOpen = Code(base: .cannotOpen)
        /// The database was migrated by a newer aigq, whose schema this version does not know.
        public static let newerSchema = Code(base: .newerSchema)
        /// The file is not an SQLite database, or is one that aigq did not create.
        public static let notAManifest = Code(base: .notAManifest)
        /// Another process held the database lock longer than the busy timeout.
        public static let busy = Code(base: .busy)
        /// A run or task run with the given id does not exist.
        public static let notFound = Code(base: .notFound)
        /// The record exists but is in a state that forbids the operation (finishing a finished run).
        public static let invalidState = Code(base: .invalidState)
        /// The caller passed values that contradict each other (a shard of another task).
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A stored value could not be decoded (an unknown status, malformed JSON).
        public static let corruptRecord = Code(base: .corruptRecord)
        /// SQLite reported another failure; see ``ManifestError/cause``.
        public static let database = Code(base: .database)

        public var description: String {
            switch base {
            case .cannotOpen: "cannot open"
            case .newerSchema: "newer schema"
            case .notAManifest: "not a manifest"
            case .busy: "busy"
            case .notFound: "not found"
            case .invalidState: "invalid state"
            case .invalidArgument: "invalid argument"
            case .corruptRecord: "corrupt record"
            case .database: "database"
            }
        }
    }

    /// Where an error was thrown: the function, file and line.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        /// The function that threw.
        public var function: String
        /// The file that threw, as `#fileID`.
        public var file: String
        /// The line that threw.
        public var line: Int

        /// Creates a location.
        public init(function: String, file: String, line: Int) {
            self.function = function
            self.file = file
            self.line = line
        }

        public var description: String { "\(function) (\(file):\(line))" }
    }

    /// The kind of failure.
    public var code: Code
    /// What happened, quoting the offending value, and how it may be remedied.
    public var message: String
    /// The underlying error, if any (often a GRDB `DatabaseError`).
    public var cause: (any Error)?
    /// The function, file and line that threw.
    public var location: Location

    /// Creates an error; `function`, `file` and `line` default to the caller's.
    public init(
        code: Code,
        message: String,
        cause: (any Error)? = nil,
        function: String = #function,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.cause = cause
        self.location = Location(function: function, file: file, line: line)
    }

    public var description: String { "ManifestError: \(code): \(message)" }

    /// A multi-line tree with the code, the reason, nested causes and the source location.
    ///
    /// ```
    /// ManifestError: newer schema
    /// ├─ Reason: The manifest '…' was written by a newer aigq …
    /// ├─ Cause: …
    /// └─ Source location: init(path:durability:) (ManifestStore/Manifest.swift:80)
    /// ```
    public func detailedDescription() -> String {
        var lines = ["ManifestError: \(code)", "├─ Reason: \(message)"]
        if let cause {
            let causeText: String
            if let nested = cause as? ManifestError {
                causeText = nested.detailedDescription()
            } else {
                causeText = String(describing: cause)
            }
            let causeLines = causeText.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("├─ Cause: \(causeLines.first ?? "")")
            lines.append(contentsOf: causeLines.dropFirst().map { "│  \($0)" })
        }
        lines.append("└─ Source location: \(location)")
        return lines.joined(separator: "\n")
    }
}
