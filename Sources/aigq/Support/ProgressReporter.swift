import Foundation
import Runner

/// Shows a run's progress on stderr: on a terminal, one line rewritten in place (tasks done of N,
/// what is running, rows/s, ETA); otherwise one plain line per task started and finished.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let terminal = isatty(2) == 1
    private let started = Date()
    private var total = 0
    private var done = 0
    private var running: [String] = []
    private var rows = 0
    private var quiet: Bool

    init(quiet: Bool) { self.quiet = quiet }

    func handle(_ event: RunEvent) {
        guard !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .planned(let tasks):
            total = tasks
        case .started(let task):
            running.append(task)
            if !terminal { write("start \(task)\n") }
        case .finished(let outcome):
            running.removeAll { $0 == outcome.task }
            done += 1
            rows += outcome.rowsOut ?? 0
            if !terminal {
                let detail = outcome.error.map { ": " + $0 } ?? String(format: " (%.2f s)", outcome.seconds)
                write("\(outcome.status.rawValue) \(outcome.task)\(detail)\n")
            }
        case .note(let text):
            write((terminal ? "\u{1B}[2K\r" : "") + text + "\n")
        }
        if terminal { redraw() }
    }

    /// Clears the progress line (call before printing the report).
    func finish() {
        guard terminal, !quiet else { return }
        lock.lock()
        defer { lock.unlock() }
        write("\u{1B}[2K\r")
    }

    private func redraw() {
        let elapsed = Date().timeIntervalSince(started)
        var line = "[\(done)/\(total)]"
        if let first = running.first { line += " running \(first)" + (running.count > 1 ? " (+\(running.count - 1))" : "") }
        if rows > 0, elapsed > 0 { line += String(format: "  %.0f rows/s", Double(rows) / elapsed) }
        if done > 0, total > done {
            line += String(format: "  ETA %.0f s", elapsed / Double(done) * Double(total - done))
        }
        write("\u{1B}[2K\r" + String(line.prefix(160)))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
