import Foundation
import PipelineCore

/// Lines a long stage writes as it goes: always to the task's log file, and to the terminal (stderr)
/// when stderr is one, at most every `interval` seconds unless forced.
final class TaskLog: @unchecked Sendable {
    private let path: String
    private let prefix: String
    private let terminal = isatty(2) == 1 && ProcessInfo.processInfo.environment["AIGQ_PROGRESS"] != "0"
    private let interval: Double
    private var lastShown = 0.0
    private let lock = NSLock()

    /// A log for the task of `context`.
    init(_ context: StageContext, interval: Double = 2) {
        path = context.logPath
        prefix = context.task.description
        self.interval = interval
    }

    /// Appends `line`; shows it on the terminal when forced or `interval` seconds passed.
    func line(_ line: String, force: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        Self.append(line, to: path)
        let now = Date().timeIntervalSince1970
        if terminal && (force || now - lastShown >= interval) {
            lastShown = now
            FileHandle.standardError.write(Data("  \(prefix): \(line)\n".utf8))
        }
    }

    /// Appends `line` to the log file at `path`, creating the file (and its folder) if needed; best effort.
    static func append(_ line: String, to path: String) {
        let data = Data((line + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: data)
        } else {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}
