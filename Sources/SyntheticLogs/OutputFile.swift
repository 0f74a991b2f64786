#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file being written with plain `write(2)` calls, counting its lines and bytes.
final class OutputFile {
    /// The path.
    let path: String
    /// Bytes written.
    private(set) var bytes: Int64 = 0
    /// Lines written (maintained by the caller for event files).
    var lines = 0
    private var descriptor: Int32

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw GeneratorError("cannot create '\(path)': \(String(cString: strerror(errno))); check the folder and its permissions") }
    }

    deinit { if descriptor >= 0 { _ = closeDescriptor(descriptor) } }

    /// Appends `data`.
    func write(_ data: [UInt8]) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw GeneratorError("cannot write '\(path)': \(String(cString: strerror(errno))); check the free space")
                }
                offset += n
            }
        }
        bytes += Int64(data.count)
    }

    /// Cuts the last `count` bytes (used to leave out a final line end).
    func dropLast(_ count: Int) throws {
        guard bytes >= Int64(count) else { return }
        if ftruncate(descriptor, off_t(bytes - Int64(count))) != 0 {
            throw GeneratorError("cannot truncate '\(path)': \(String(cString: strerror(errno)))")
        }
        bytes -= Int64(count)
    }

    /// Closes the file.
    func close() throws {
        guard descriptor >= 0 else { return }
        let result = closeDescriptor(descriptor)
        descriptor = -1
        if result != 0 { throw GeneratorError("cannot close '\(path)': \(String(cString: strerror(errno)))") }
    }

    /// Writes `data` as the whole content of the file at `path`.
    static func write(_ data: [UInt8], to path: String) throws -> Int64 {
        let file = try OutputFile(path: path)
        try file.write(data)
        try file.close()
        return file.bytes
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

@inline(__always)
private func closeDescriptor(_ fd: Int32) -> Int32 {
    close(fd)
}
