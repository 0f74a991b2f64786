import CLinuxShim
import Foundation

/// Publishes a task's output folders: the stage wrote into temporary folders (hidden names beside
/// the final ones), which are fsynced and then renamed into place. Only after that does the runner
/// record the outputs in the manifest.
///
/// Replacing an existing partition swaps the two folders in one atomic `renameat2(RENAME_EXCHANGE)`,
/// then deletes the old one (now under the temporary name): readers see the old partition or the new
/// one, never neither. Where the file system cannot exchange, it falls back to two renames (old
/// aside, new in), where a crash between them leaves the partition missing, which the manifest
/// reports as "output deleted" and the next run redoes. Leftovers (`.…tmp-…`, `.…old-…`) are
/// removed at the next start by ``removeLeftovers(in:)``.
enum OutputPublisher {
    private static let counter = Counter()

    /// A fresh temporary folder beside `final` (created, empty).
    static func temporaryFolder(for final: String) throws -> String {
        let parent = FileTree.parent(final)
        try FileTree.makeFolder(parent)
        let name = (final as NSString).lastPathComponent
        let path = "\(parent)/.\(name).tmp-\(getpid())-\(counter.next())"
        try FileTree.makeFolder(path)
        return path
    }

    /// Fsyncs `temporary`, then moves it to `final`, replacing what was there.
    static func publish(_ temporary: String, as final: String) throws {
        try FileTree.syncTree(temporary)
        let parent = FileTree.parent(final)
        if FileTree.exists(final), aigq_exchange_paths(temporary, final) == 0 {
            try FileTree.sync(parent, directory: true)
            FileTree.remove(temporary)  // the old partition, swapped out
            return
        }
        var aside: String?
        if FileTree.exists(final) {
            let old = "\(parent)/.\((final as NSString).lastPathComponent).old-\(getpid())-\(counter.next())"
            guard rename(final, old) == 0 else {
                throw RunnerError(.io, "cannot move '\(final)' aside: \(String(cString: strerror(errno)))")
            }
            aside = old
        }
        guard rename(temporary, final) == 0 else {
            throw RunnerError(.io, "cannot rename '\(temporary)' to '\(final)': \(String(cString: strerror(errno)))")
        }
        try FileTree.sync(parent, directory: true)
        if let aside { FileTree.remove(aside) }
    }

    /// Removes temporary and set-aside folders left by a killed run under `dataRoot`; returns them.
    @discardableResult
    static func removeLeftovers(in dataRoot: String) -> [String] {
        var removed: [String] = []
        func sweep(_ dir: String, depth: Int) {
            guard depth < 4, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
            for name in names {
                let full = dir + "/" + name
                if name.hasPrefix("."), name.contains(".tmp-") || name.contains(".old-") {
                    FileTree.remove(full)
                    removed.append(full)
                } else if !name.hasPrefix(".") {
                    var isDir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), isDir.boolValue {
                        sweep(full, depth: depth + 1)
                    }
                }
            }
        }
        sweep(dataRoot, depth: 0)
        return removed.sorted()
    }

    /// Process-wide serial numbers for temporary names.
    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
