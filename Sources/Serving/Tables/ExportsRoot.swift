import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exports folder the server reads, and the rule that it reads nothing else: every path it
/// opens is built from a table name and a checked version name (never from a request), and must
/// resolve (symbolic links followed) to a place inside this folder.
public struct ExportsRoot: Sendable {
    /// The exports folder as given (`<workspace>/exports`).
    public let path: String
    /// Its real path, every symbolic link resolved.
    public let realPath: String

    /// The exports folder `path`, which must exist.
    public init(_ path: String) throws {
        guard let real = Self.realPath(of: path), Self.isDirectory(real) else {
            throw ServingError(.notServable, "no exports folder at '\(path)'; run the pipeline (`aigq run`) so its export stage writes one, or pass --workspace")
        }
        self.path = path
        self.realPath = real
    }

    /// Throws unless `path` resolves to a place inside the exports folder; a path that does not
    /// exist passes when `mustExist` is false (its reader then reports it missing).
    public func requireInside(_ path: String, mustExist: Bool = true) throws {
        guard let real = Self.realPath(of: path) else {
            if !mustExist { return }
            throw ServingError(.notServable, "'\(path)' does not exist")
        }
        guard real.hasPrefix(realPath + "/") else {
            throw ServingError(.notServable, "'\(path)' leads to '\(real)', outside the exports folder '\(realPath)'; only files under it are served")
        }
    }

    /// The identity of the folder at `path`, or `nil` when there is none.
    static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FileIdentity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    private static func realPath(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
