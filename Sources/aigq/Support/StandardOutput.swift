#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to standard output (one `fwrite` per 64 KiB instead of one per line).
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    /// Appends `line` and a newline.
    mutating func line(_ line: String) {
        var s = line
        s.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }  // stdout closed (e.g. piped into `head`): stop quietly
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
