/// A file could not be read for hashing.
public struct DigestError: Error, CustomStringConvertible, Sendable {
    /// The file that could not be read.
    public let path: String
    /// What was being done: `"open"` or `"read"`.
    public let operation: String
    /// The `errno` value the system call failed with.
    public let errno: Int32
    /// The system's text for ``errno`` (`strerror`).
    public let reason: String

    /// Creates an error.
    public init(path: String, operation: String, errno: Int32, reason: String) {
        self.path = path
        self.operation = operation
        self.errno = errno
        self.reason = reason
    }

    /// `cannot open '/data/x.parquet' to hash it: No such file or directory (errno 2)`.
    public var description: String {
        "cannot \(operation) '\(path)' to hash it: \(reason) (errno \(errno))"
    }
}
