import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the export folder needs, each durable where it matters: fsync of files
/// and folders, atomic replacement of small text files, an advisory lock, and process liveness.
enum FileSystem {
    /// The marker in temporary names (`.CURRENT.tmp-<pid>-<id>`, `.2026-11-23.tmp-<pid>-<id>`), so the
    /// leftovers of a killed process can be recognised and removed.
    static let temporaryMarker = ".tmp-"

    /// A hidden temporary name for `name`, unique to this process and call.
    static func temporaryName(for name: String) -> String {
        ".\(name)\(temporaryMarker)\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// The process id written in a temporary name, if `name` is one.
    static func temporaryOwner(of name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards) else { return nil }
        let rest = name[marker.upperBound...]
        return rest.split(separator: "-").first.flatMap { Int32($0) }
    }

    /// Whether a process with id `pid` is alive (or exists under another user).
    static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Whether `path` exists and is a folder.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// The names in folder `path`, sorted; empty when it does not exist.
    static func names(in path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// The text of the file at `path`, or `nil` when there is none.
    static func readText(_ path: String) throws -> String? {
        guard exists(path) else { return nil }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LookupError(.io, "cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// The bytes of the file at `path`.
    static func readData(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LookupError(.io, "cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// The size in bytes of the file at `path`.
    static func size(_ path: String) throws -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { throw systemError("cannot stat '\(path)'") }
        return Int64(info.st_size)
    }

    /// Creates `path` and its parents, fsyncing each folder that gained an entry.
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            let parent = current.isEmpty ? "/" : current
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                try syncDirectory(parent)
            } else if errno != EEXIST {
                throw systemError("cannot create the folder '\(current)'")
            }
        }
    }

    /// Writes `data` to a new file at `path` and fsyncs it.
    static func writeDurably(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw systemError("cannot create '\(path)'") }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw systemError("cannot write '\(path)'") }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw systemError("cannot fsync '\(path)'") }
    }

    /// Replaces the file at `path` with `data` atomically: a temporary file beside it, fsync, rename,
    /// fsync of the folder. Readers see the old content or the new one, never a part.
    static func replaceAtomically(_ path: String, with data: Data) throws {
        let (folder, name) = split(path)
        let temporary = folder + "/" + temporaryName(for: name)
        do {
            try writeDurably(data, to: temporary)
            try move(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Renames `source` to `destination` and fsyncs the destination's folder.
    static func move(_ source: String, to destination: String) throws {
        guard rename(source, destination) == 0 else {
            throw systemError("cannot rename '\(source)' to '\(destination)'")
        }
        try syncDirectory(split(destination).folder)
    }

    /// Fsyncs the file at `path`.
    static func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("cannot open '\(path)'") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("cannot fsync '\(path)'") }
    }

    /// Fsyncs the folder `path`, so the entries created or renamed in it are durable.
    static func syncDirectory(_ path: String) throws {
        let fd = open(path.isEmpty ? "/" : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("cannot open the folder '\(path)'") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw systemError("cannot fsync the folder '\(path)'") }
    }

    /// Removes `path` and everything under it (nothing when it does not exist).
    static func removeTree(_ path: String) throws {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw LookupError(.io, "cannot remove '\(path)': \(error.localizedDescription)")
        }
    }

    /// Runs `body` holding an exclusive `flock` on the file `path` (created if needed). The lock is
    /// per open file, so it also serialises threads of one process; a dead holder releases it.
    static func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw systemError("cannot open the lock file '\(path)'") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw systemError("cannot lock '\(path)'") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The folder and the last component of `path`.
    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// A ``LookupError`` for the current `errno`.
    static func systemError(_ what: String) -> LookupError {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return LookupError(.io, "\(what): \(reason)")
    }
}
