import Foundation

/// Hands out the chunks of a list of files to the parsing workers, one at a time under a lock: each
/// worker reads (and decompresses) its next chunk itself, then parses it while others read.
final class ChunkSource: @unchecked Sendable {
    /// Where a chunk came from.
    struct Origin: Sendable {
        /// Index of the file in the list.
        var file: Int
        /// 1-based number of the chunk's first line in its file.
        var firstLine: Int64
    }

    private let paths: [String]
    private let chunkBytes: Int
    private let lock = NSLock()
    private var current: LineChunkReader?
    private var index = -1

    /// A source over `paths`, in that order.
    init(paths: [String], chunkBytes: Int) {
        self.paths = paths
        self.chunkBytes = chunkBytes
    }

    /// Fills `buffer` with the next chunk, or returns `nil` when every file is read.
    func next(into buffer: ChunkBuffer) throws -> Origin? {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let reader = current, let first = try reader.next(into: buffer) {
                return Origin(file: index, firstLine: first)
            }
            current = nil
            index += 1
            guard index < paths.count else {
                index = paths.count
                return nil
            }
            current = try LineChunkReader(path: paths[index], chunkBytes: chunkBytes)
        }
    }
}
