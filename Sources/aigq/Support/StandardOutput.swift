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
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
        buffer.removeAll(keepingCapacity: true)
    }
}
