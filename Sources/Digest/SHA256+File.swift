#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension SHA256 {
    /// The chunk size used when streaming files.
    static let fileChunkSize = 1 << 20

    /// The SHA-256 digest of the file at `path`, read in 1 MiB chunks.
    ///
    /// Throws ``DigestError`` naming the path and the system's reason if it cannot be opened or read.
    public static func hash(fileAt path: String) throws -> SHA256Digest {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Self.systemError(path: path, operation: "open")
        }
        defer { _ = close(descriptor) }

        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: fileChunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw Self.systemError(path: path, operation: "read")
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        return hasher.finalize()
    }

    /// A ``DigestError`` for the current `errno`.
    private static func systemError(path: String, operation: String) -> DigestError {
        let code = errno
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return DigestError(path: path, operation: operation, errno: code, reason: reason)
    }
}
