public import Foundation

/// Switching `CURRENT`: atomically (temporary file, fsync, rename, fsync of the folder), under the
/// table's lock, each switch appended to `HISTORY`.
extension ExportFolder {
    /// Points `CURRENT` at `version` (whose folder must exist) and logs the switch in `HISTORY`.
    ///
    /// With `unlessLaterDay`, a `CURRENT` naming a version of a later day is kept (the export stage
    /// of a backfill must not regress what is served). A `CURRENT` that already names `version` is
    /// left alone and not logged. `now` is the wall-clock time written to `HISTORY`.
    public func switchCurrent(
        to version: String, action: ExportHistoryEntry.Action, unlessLaterDay: Bool = false, now: Date = Date()
    ) throws -> SwitchOutcome {
        _ = try existingFolder(of: version)
        return try FileSystem.withExclusiveLock(path + "/" + Self.lockFileName) {
            let previous = try rawCurrent().flatMap { VersionName($0) }
            if previous?.description == version { return .alreadyCurrent }
            if unlessLaterDay, let previous, let next = VersionName(version), previous.day > next.day {
                return .keptLaterVersion(previous.description)
            }
            try FileSystem.replaceAtomically(currentPath, with: Data((version + "\n").utf8))
            let entry = ExportHistoryEntry(
                time: Self.timestamp(now), action: action, version: version, previous: previous?.description)
            let log = try FileSystem.readText(historyPath) ?? ""
            let separator = log.isEmpty || log.hasSuffix("\n") ? "" : "\n"
            try FileSystem.replaceAtomically(historyPath, with: Data((log + separator + entry.line + "\n").utf8))
            return .switched(from: previous?.description)
        }
    }

    /// Verifies `version` and points `CURRENT` at it (`aigq publish --version`). A broken version is
    /// refused and `CURRENT` is left unchanged.
    public func publish(version: String, now: Date = Date()) throws -> SwitchOutcome {
        do {
            try verify(version: version)
        } catch let error as LookupError {
            throw refusal("cannot publish", error)
        }
        return try switchCurrent(to: version, action: .publish, now: now)
    }

    /// Returns `CURRENT` to the version that was served before the current one (`aigq publish
    /// --rollback`), after verifying it; returns that version. Repeated rollbacks walk further back.
    public func rollback(now: Date = Date()) throws -> String {
        let target = try rollbackTarget()
        do {
            try verify(version: target)
        } catch let error as LookupError {
            throw refusal("cannot roll back", error)
        }
        _ = try switchCurrent(to: target, action: .rollback, now: now)
        return target
    }

    /// The version a rollback would return to.
    ///
    /// `HISTORY` is replayed as a stack: an export or publish pushes its version, a rollback pops back
    /// to its version. The target is the entry below `CURRENT` on that stack (or the top, when
    /// `CURRENT` is not on it: a switch whose log line a crash lost).
    public func rollbackTarget() throws -> String {
        guard let current = try current() else {
            throw LookupError(.notFound, "table \(table) has no CURRENT version to roll back from")
        }
        var stack: [String] = []
        for entry in try history() {
            switch entry.action {
            case .export, .publish:
                if stack.last != entry.version { stack.append(entry.version) }
            case .rollback:
                if let index = stack.lastIndex(of: entry.version) {
                    stack.removeSubrange((index + 1)...)
                } else {
                    stack.append(entry.version)
                }
            }
        }
        let target: String?
        if let index = stack.lastIndex(of: current) {
            target = index > 0 ? stack[index - 1] : nil
        } else {
            target = stack.last
        }
        guard let target, target != current else {
            throw LookupError(.notFound, "table \(table) has no version before \(current) in HISTORY; choose one with --version")
        }
        return target
    }

    /// `error` prefixed by what was refused and followed by what is still served.
    private func refusal(_ what: String, _ error: LookupError) -> LookupError {
        let served = (try? rawCurrent()).flatMap { $0 } ?? "nothing"
        return LookupError(error.code, "\(what) table \(table): \(error.message); CURRENT still names \(served)")
    }

    /// `now` as ISO-8601 UTC, whole seconds.
    static func timestamp(_ now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: now)
    }
}
