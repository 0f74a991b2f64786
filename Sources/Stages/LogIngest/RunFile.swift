import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sorted runs spilled to disk, in the simplest format that is fast to write and read back: blocks
/// of ``IngestRows`` columns dumped as they are in memory (little-endian, this machine only, deleted
/// when the task ends). A block is a header of three UInt64 (rows, exposure bytes, candidates)
/// followed by each column's bytes; offsets inside a block start at 0.
///
/// Parquet would do, but encoding and decoding it costs several times more than the memcpy this
/// takes, and a run is read back once, by the same process, minutes later at most.
enum RunFile {
    /// Writes blocks of `rows` to an open file.
    final class Writer {
        let path: String
        private let fd: Int32

        /// Creates `path`.
        init(path: String) throws {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw StageError(.io, "cannot create the sorted run '\(path)': \(String(cString: strerror(errno)))") }
        }

        deinit { close(fd) }

        /// Appends `rows` as blocks of at most `blockRows` rows.
        func write(_ rows: IngestRows, blockRows: Int) throws {
            var start = 0
            while start < rows.count {
                let end = min(rows.count, start + blockRows)
                try writeBlock(rows, start..<end)
                start = end
            }
        }

        private func writeBlock(_ rows: IngestRows, _ range: Range<Int>) throws {
            let e0 = rows.exposureStart(range.lowerBound), e1 = Int(rows.exposureEnd[range.upperBound - 1])
            let c0 = rows.candidateStart(range.lowerBound), c1 = Int(rows.candidateEnd[range.upperBound - 1])
            let header: [UInt64] = [UInt64(range.count), UInt64(e1 - e0), UInt64(c1 - c0)]
            try put(header[...])
            try put(rows.user[range])
            try put(rows.ts[range])
            try put(rows.seq[range])
            try put(rows.type[range])
            try put(rows.source[range])
            try put(rows.flags[range])
            try put(rows.query[range])
            try put(rows.item[range])
            try put(rows.price[range])
            try put(rows.shown[range])
            try put(rows.exposureEnd[range].map { $0 - UInt32(e0) }[...])
            try put(rows.exposureBytes[e0..<e1])
            try put(rows.candidateEnd[range].map { $0 - UInt32(c0) }[...])
            try put(rows.candidateQuery[c0..<c1])
            try put(rows.candidateScore[c0..<c1])
        }

        private func put<T: BitwiseCopyable>(_ values: ArraySlice<T>) throws {
            try values.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw StageError(.io, "cannot write the sorted run '\(path)': \(String(cString: strerror(errno))) (is the disk full?)")
                    }
                    done += n
                }
            }
        }
    }

    /// Reads a run back block by block.
    final class Reader {
        let path: String
        private let fd: Int32

        /// Opens `path`.
        init(path: String) throws {
            self.path = path
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw StageError(.io, "cannot open the sorted run '\(path)': \(String(cString: strerror(errno)))") }
        }

        deinit { close(fd) }

        /// The next block, or `nil` at the end.
        func next() throws -> IngestRows? {
            var header = [UInt64](repeating: 0, count: 3)
            let got = try header.withUnsafeMutableBytes { try readFully($0, allowEnd: true) }
            guard got else { return nil }
            let n = Int(header[0]), e = Int(header[1]), c = Int(header[2])
            var rows = IngestRows()
            rows.user = try take(n)
            rows.ts = try take(n)
            rows.seq = try take(n)
            rows.type = try take(n)
            rows.source = try take(n)
            rows.flags = try take(n)
            rows.query = try take(n)
            rows.item = try take(n)
            rows.price = try take(n)
            rows.shown = try take(n)
            rows.exposureEnd = try take(n)
            rows.exposureBytes = try take(e)
            rows.candidateEnd = try take(n)
            rows.candidateQuery = try take(c)
            rows.candidateScore = try take(c)
            return rows
        }

        private func take<T: BitwiseCopyable>(_ count: Int) throws -> [T] {
            try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                _ = try readFully(UnsafeMutableRawBufferPointer(buffer), allowEnd: false)
                initialized = count
            }
        }

        /// Fills `target`; returns false at a clean end of file when `allowEnd`.
        private func readFully(_ target: UnsafeMutableRawBufferPointer, allowEnd: Bool) throws -> Bool {
            var done = 0
            while done < target.count {
                let n = read(fd, target.baseAddress! + done, target.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw StageError(.io, "cannot read the sorted run '\(path)': \(String(cString: strerror(errno)))")
                }
                if n == 0 {
                    if allowEnd && done == 0 { return false }
                    throw StageError(.io, "the sorted run '\(path)' is truncated (internal error)")
                }
                done += n
            }
            return true
        }
    }
}
