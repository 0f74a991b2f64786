import Digest

#if canImport(Glibc)
import Glibc
#endif

/// A dataset: a folder of Parquet shards laid out as ``ShardPath`` describes.
///
/// ```swift
/// let events = ShardSet(root: "Workspace/data/events")
/// let info = try events.write(batch, to: ShardPath(day: "2026-11-23", bucket: 3))
/// for shard in try events.shards(day: "2026-11-23") { ... }
/// ```
///
/// Writes are atomic (temporary name, fsync, rename, folder fsync) and return the shard's
/// SHA-256, which the manifest records.
public struct ShardSet: Sendable {
    /// The dataset folder.
    public let root: String

    /// A dataset rooted at `root` (created on first write).
    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// The full path of `shard`.
    public func path(of shard: ShardPath) -> String { root + "/" + shard.relativePath }

    /// Writes `batch` as `shard`, atomically, and returns what was written.
    public func write(_ batch: RecordBatch, to shard: ShardPath, options: WriterOptions = WriterOptions()) throws -> ShardInfo {
        let final = path(of: shard)
        try AtomicFile.makeDirectories(String(final[..<(final.lastIndex(of: "/") ?? final.endIndex)]))
        let temporary = AtomicFile.temporaryPath(for: final)
        do {
            let writer = try ParquetFileWriter(path: temporary, schema: batch.schema, options: options)
            try writer.write(batch)
            try writer.close(sync: true)
            let checksum = try SHA256.hash(fileAt: temporary).hex
            let size = try FileHandleIO.openForReading(temporary).size()
            try AtomicFile.publish(temporary, as: final)
            return ShardInfo(relativePath: shard.relativePath, rows: batch.rowCount, bytes: size, checksum: checksum)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Every shard of the dataset (all days), sorted; temporary files are ignored.
    public func shards() throws -> [ShardPath] {
        try listDirectory(root).filter { $0.hasPrefix("dt=") }.flatMap { try shards(day: String($0.dropFirst(3))) }.sorted()
    }

    /// The shards of one day, sorted.
    public func shards(day: String) throws -> [ShardPath] {
        let dayDir = root + "/dt=" + day
        var out: [ShardPath] = []
        for entry in try listDirectory(dayDir) {
            if entry.hasPrefix("bucket=") {
                for file in try listDirectory(dayDir + "/" + entry) where !AtomicFile.isTemporary(file) {
                    if let shard = ShardPath(relativePath: "dt=\(day)/\(entry)/\(file)") { out.append(shard) }
                }
            } else if !AtomicFile.isTemporary(entry), let shard = ShardPath(relativePath: "dt=\(day)/\(entry)") {
                out.append(shard)
            }
        }
        return out.sorted()
    }

    /// The days present, sorted.
    public func days() throws -> [String] {
        try listDirectory(root).filter { $0.hasPrefix("dt=") }.map { String($0.dropFirst(3)) }.filter(ShardPath.isDay).sorted()
    }

    /// The SHA-256 of a shard's file, to compare with the recorded checksum.
    public func checksum(of shard: ShardPath) throws -> String {
        do {
            return try SHA256.hash(fileAt: path(of: shard)).hex
        } catch {
            throw ColumnarError(.io, "cannot checksum '\(path(of: shard))': \(error)")
        }
    }

    /// Removes temporary files left by a killed writer; returns their paths.
    @discardableResult
    public func removeTemporaryFiles() throws -> [String] {
        var removed: [String] = []
        func sweep(_ dir: String, depth: Int) throws {
            for entry in try listDirectory(dir) {
                let full = dir + "/" + entry
                if AtomicFile.isTemporary(entry) {
                    if unlink(full) == 0 { removed.append(full) }
                } else if depth < 2, entry.hasPrefix("dt=") || entry.hasPrefix("bucket=") {
                    try sweep(full, depth: depth + 1)
                }
            }
        }
        try sweep(root, depth: 0)
        return removed.sorted()
    }

    /// Names in `dir` (empty when it does not exist).
    private func listDirectory(_ dir: String) throws -> [String] {
        guard let handle = opendir(dir) else {
            if errno == ENOENT { return [] }
            throw FileHandleIO.systemError("cannot list '\(dir)'")
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
