import Foundation

/// The one-run-per-workspace lock: an `flock` on `<workspace>/.aigq.lock`, released by the kernel
/// when the holding process dies (so a killed run never blocks the next one). The holder writes its
/// pid and start time into the file so a refused run can say who holds it.
public final class WorkspaceLock: @unchecked Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Takes the lock; with `wait`, blocks until it is free, else fails at once naming the holder.
    public static func acquire(_ layout: WorkspaceLayout, wait: Bool) throws -> WorkspaceLock {
        try FileTree.makeFolder(layout.root)
        let fd = open(layout.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunnerError(.io, "cannot open the workspace lock '\(layout.lockPath)': \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK, wait else {
                let holder = (try? String(contentsOfFile: layout.lockPath, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                close(fd)
                throw RunnerError(
                    .locked,
                    "workspace '\(layout.root)' is in use by another aigq run (\(holder.isEmpty ? "holder unknown" : holder)); wait for it to finish or pass --wait")
            }
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(fd)
                    throw RunnerError(.io, "cannot lock '\(layout.lockPath)': \(String(cString: strerror(errno)))")
                }
            }
        }
        let started = ISO8601DateFormatter().string(from: Date())
        let info = "pid \(getpid()), started \(started)\n"
        ftruncate(fd, 0)
        _ = info.withCString { pwrite(fd, $0, strlen($0), 0) }
        return WorkspaceLock(fd: fd)
    }
}
