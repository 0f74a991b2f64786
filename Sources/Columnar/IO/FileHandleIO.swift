#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX file descriptor with checked positional reads and appending writes.
///
/// Used by the Parquet reader (`pread` of footers and column chunks) and writer (sequential
/// writes, `fsync`). Errors name the path and the system's reason.
package final class FileHandleIO: @unchecked Sendable {
    /// The path the file was opened with (for messages).
    package let path: String
    private let fd: Int32
    private var closed = false

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit {
        if !closed { _ = Glibc.close(fd) }
    }

    /// Opens `path` for reading.
    package static func openForReading(_ path: String) throws -> FileHandleIO {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("cannot open '\(path)' for reading") }
        return FileHandleIO(path: path, fd: fd)
    }

    /// Creates (or truncates) `path` for writing.
    package static func create(_ path: String) throws -> FileHandleIO {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw systemError("cannot create '\(path)'") }
        return FileHandleIO(path: path, fd: fd)
    }

    /// The file's size in bytes.
    package func size() throws -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Self.systemError("cannot stat '\(path)'") }
        return Int(st.st_size)
    }

    /// Reads exactly `count` bytes at `offset`.
    package func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Self.systemError("cannot read \(count) bytes at offset \(offset) of '\(path)'")
                }
                if n == 0 {
                    throw ColumnarError.truncated("file '\(path)' ended at offset \(offset + done) while reading \(count) bytes at offset \(offset)")
                }
                done += n
            }
            initialized = count
        }
    }

    /// Writes all of `bytes` at the current position.
    package func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Glibc.write(fd, base, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.systemError("cannot write to '\(path)'")
            }
            left -= n
            base += n
        }
    }

    /// Writes all of `bytes` at the current position.
    package func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes the file's data to stable storage.
    package func sync() throws {
        guard fsync(fd) == 0 else { throw Self.systemError("cannot fsync '\(path)'") }
    }

    /// Closes the descriptor.
    package func close() throws {
        guard !closed else { return }
        closed = true
        guard Glibc.close(fd) == 0 else { throw Self.systemError("cannot close '\(path)'") }
    }

    /// A `.io` error with the system's reason for the current `errno`.
    package static func systemError(_ what: String) -> ColumnarError {
        let reason = String(cString: strerror(errno))
        return ColumnarError(.io, "\(what): \(reason)")
    }
}
