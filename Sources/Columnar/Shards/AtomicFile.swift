#if canImport(Glibc)
import Glibc
#endif

/// Publishing a file atomically: write to a temporary name in the same folder, fsync, rename over
/// the final name, fsync the folder. Readers see the old file or the new one, never a part.
package enum AtomicFile {
    /// The marker in temporary names (`.part-00000.parquet.tmp-<pid>-<n>`), so leftovers of a killed
    /// run can be recognised and removed.
    package static let temporaryMarker = ".tmp-"

    /// A fresh temporary path beside `finalPath`.
    package static func temporaryPath(for finalPath: String) -> String {
        let slash = finalPath.lastIndex(of: "/")
        let dir = slash.map { String(finalPath[...$0]) } ?? ""
        let name = slash.map { String(finalPath[finalPath.index(after: $0)...]) } ?? finalPath
        return "\(dir).\(name)\(temporaryMarker)\(getpid())-\(nextSerial())"
    }

    /// Whether `name` (a file name, no folder) is one of our temporary names.
    package static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(temporaryMarker)
    }

    /// Renames `temporary` to `final` and fsyncs the folder.
    package static func publish(_ temporary: String, as final: String) throws {
        guard rename(temporary, final) == 0 else {
            throw FileHandleIO.systemError("cannot rename '\(temporary)' to '\(final)'")
        }
        try syncDirectory(of: final)
    }

    /// Fsyncs the folder holding `path`, so a rename in it is durable.
    package static func syncDirectory(of path: String) throws {
        let dir = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(dir.isEmpty ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileHandleIO.systemError("cannot open folder '\(dir)'") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileHandleIO.systemError("cannot fsync folder '\(dir)'") }
    }

    /// Creates `path` and its parents (like `mkdir -p`).
    package static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw FileHandleIO.systemError("cannot create folder '\(current)'")
            }
        }
    }

    private static let serialLock = NSLockLite()
    nonisolated(unsafe) private static var serial = 0
    private static func nextSerial() -> Int {
        serialLock.withLock {
            serial += 1
            return serial
        }
    }
}
