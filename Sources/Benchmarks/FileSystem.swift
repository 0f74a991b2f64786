import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The size of the file at `path` in bytes.
func fileSize(_ path: String) throws -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else {
        throw BenchmarkError("cannot stat '\(path)': \(String(cString: strerror(errno)))")
    }
    return Int(info.st_size)
}

/// Removes the file at `path` if there is one.
func removeIfPresent(_ path: String) {
    _ = unlink(path)
}

/// Creates a fresh, empty directory under the system's temporary folder and returns its path.
func makeTemporaryDirectory(prefix: String) throws -> String {
    var template = Array((NSTemporaryDirectory() + "/\(prefix)XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
        throw BenchmarkError("cannot create a temporary directory: \(String(cString: strerror(errno))); pass --dir DIR")
    }
    return String(cString: made)
}

/// The absolute path of the running executable (from `/proc/self/exe`).
public func currentExecutablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
    return CommandLine.arguments[0]
}

/// `n` bytes in MiB.
func mebibytes(_ n: Int) -> Double { Double(n) / 1_048_576 }
