import CSimdJSON
import Columnar
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads one JSON Lines file (plain, or zstd-compressed when its name ends in `.zst`) as chunks of
/// whole lines of about `chunkBytes` each, streaming: memory stays near one chunk whatever the file's
/// size. A line longer than a chunk makes that chunk longer.
final class LineChunkReader {
    /// The file.
    let path: String
    private let fd: Int32
    private let chunkBytes: Int
    private let zstd: ZstdStreamDecompressor?
    private var compressed: [UInt8] = []
    private var decompressed: [UInt8] = []
    private var carry: [UInt8] = []
    private var atEnd = false
    private var nextLine: Int64 = 1

    /// Opens `path` for reading.
    init(path: String, chunkBytes: Int) throws {
        self.path = path
        self.chunkBytes = chunkBytes
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StageError(.io, "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        zstd = path.hasSuffix(".zst") ? try ZstdStreamDecompressor() : nil
    }

    deinit { close(fd) }

    /// Fills `buffer` with the next chunk of whole lines and returns the 1-based number of its first
    /// line, or `nil` at the end of the file.
    func next(into buffer: ChunkBuffer) throws -> Int64? {
        buffer.count = 0
        carry.withUnsafeBytes { buffer.append($0) }
        carry.removeAll(keepingCapacity: true)
        var target = chunkBytes
        while true {
            while buffer.count < target && !atEnd { try fill(buffer) }
            if atEnd { break }
            if let cut = lastNewline(buffer) {
                carry.append(contentsOf: UnsafeBufferPointer(start: buffer.base + cut, count: buffer.count - cut))
                buffer.count = cut
                break
            }
            target = buffer.count * 2  // one line longer than the chunk: read on
        }
        if atEnd, let z = zstd {
            do { try z.finish() } catch { throw StageError(.badInput, "'\(path)' is a truncated zstd file: \(error); rewrite it") }
        }
        guard buffer.count > 0 else { return nil }
        let first = nextLine
        nextLine += Int64(Self.newlines(buffer.bytes))
        return first
    }

    /// Reads more bytes (decompressing them when zstd) onto the end of `buffer`.
    private func fill(_ buffer: ChunkBuffer) throws {
        if let z = zstd {
            let piece = 1 << 20
            if compressed.count != piece { compressed = [UInt8](repeating: 0, count: piece) }
            let n = try readSome(into: compressed.withUnsafeMutableBytes { $0 })
            if n == 0 {
                atEnd = true
                return
            }
            decompressed.removeAll(keepingCapacity: true)
            do {
                try compressed.withUnsafeBytes { try z.decompress(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: &decompressed) }
            } catch {
                throw StageError(.badInput, "'\(path)' is not valid zstd: \(error); rewrite it (or name it without .zst)")
            }
            decompressed.withUnsafeBytes { buffer.append($0) }
        } else {
            buffer.reserve(max(buffer.count + (1 << 20), chunkBytes))
            let n = try readSome(into: buffer.spare)
            if n == 0 { atEnd = true }
            buffer.count += n
        }
    }

    private func readSome(into target: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = read(fd, target.baseAddress, target.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw StageError(.io, "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    /// The number of `\n` in `bytes` (memchr hops from line to line).
    static func newlines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var p = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        let end = p + bytes.count
        var n = 0
        while p < end, let hit = memchr(p, 0x0A, end - p) {
            n += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return n
    }

    /// The offset just after the last `\n` of `buffer`, if any.
    private func lastNewline(_ buffer: ChunkBuffer) -> Int? {
        var i = buffer.count - 1
        while i >= 0 {
            if buffer.base[i] == 0x0A { return i + 1 }
            i -= 1
        }
        return nil
    }
}
