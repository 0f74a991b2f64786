/// An error from writing, opening or reading a lookup table or an export folder.
///
/// The ``message`` is one sentence for people: what went wrong, quoting the offending value (a path,
/// a version, a checksum), and what to do about it. Its format may change and must not be parsed;
/// match on ``code`` instead.
///
/// ```swift
/// do {
///     _ = try ExportFolder(exports: "Workspace/exports", table: "u2q").verify(version: v)
/// } catch let error as LookupError where error.code == .broken {
///     print(error.message)  // "version … of table u2q is broken: lookup.sqlite has sha256 …"
/// }
/// ```
public struct LookupError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public enum Code: String, Hashable, Sendable {
        /// A table, version, file or history entry does not exist.
        case notFound = "not found"
        /// A version folder or lookup file exists but fails its checks (checksum, size, meta, schema).
        case broken
        /// The caller passed a value the format does not accept (a key out of order, a bad name).
        case invalidArgument = "invalid argument"
        /// A file-system call or SQLite failed.
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
