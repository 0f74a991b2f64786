import Foundation
public import PipelineCore

/// File-system helpers of the runner: listing shards, atomic folder publication, fsync.
///
/// Names starting with `.` are never shards: temporary folders (`.dt=…tmp-…`) and hidden files are
/// skipped when a dataset is listed, so a half-written output is never seen as data.
public enum FileTree {
    /// `path` made absolute against the current directory, without `.` components.
    public static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// Regular files under `folder`, as paths relative to it, sorted; hidden names are skipped at every level.
    public static func files(under folder: String) -> [String] {
        var out: [String] = []
        func walk(_ dir: String, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let full = dir + "/" + name
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else { continue }
                if isDir.boolValue { walk(full, prefix + name + "/") } else { out.append(prefix + name) }
            }
        }
        walk(folder, "")
        return out
    }

    /// The `dt=YYYY-MM-DD` (or, with `naming: .day`, `YYYY-MM-DD`) partitions directly under `folder`,
    /// as days, sorted.
    public static func days(in folder: String, naming: DatasetLocation.PartitionNaming = .dt) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.compactMap { naming.day(ofFolder: $0) }.sorted()
    }

    /// The names directly in `folder` that are not hidden, sorted.
    static func entries(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Whether `path` exists.
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Creates `path` and its parents.
    static func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RunnerError(.io, "cannot create folder '\(path)': \(error.localizedDescription)")
        }
    }

    /// Removes `path` (file or folder) if it exists.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Fsyncs every file under `folder` and every folder (so their entries are durable).
    static func syncTree(_ folder: String) throws {
        for file in files(under: folder) { try sync(folder + "/" + file, directory: false) }
        var dirs = [folder]
        if let e = FileManager.default.enumerator(atPath: folder) {
            while let rel = e.nextObject() as? String {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir), isDir.boolValue {
                    dirs.append(folder + "/" + rel)
                }
            }
        }
        for dir in dirs { try sync(dir, directory: true) }
    }

    /// Fsyncs one file or folder.
    static func sync(_ path: String, directory: Bool) throws {
        let fd = open(path, directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY)
        guard fd >= 0 else { throw RunnerError(.io, "cannot open '\(path)' to fsync it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw RunnerError(.io, "cannot fsync '\(path)': \(String(cString: strerror(errno)))") }
    }

    /// Parent folder of `path`.
    static func parent(_ path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }
}
