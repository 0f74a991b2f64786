/// One line of `exports/<table>/HISTORY`: a switch of `CURRENT`, for operators and for
/// `aigq publish --rollback`.
///
/// A line is four tab-separated fields: wall-clock time (ISO-8601 UTC), action, the version switched
/// to, and the version it replaced (`-` when there was none):
/// ```
/// 2026-11-24T06:00:12Z	export	2026-11-23-0123456789ab	2026-11-22-ba9876543210
/// ```
public struct ExportHistoryEntry: Hashable, Sendable {
    /// What switched `CURRENT`.
    public enum Action: String, Hashable, Sendable, CaseIterable {
        /// The export stage published a new version.
        case export
        /// `aigq publish --version` chose a version.
        case publish
        /// `aigq publish --rollback` returned to the previous version.
        case rollback
    }

    /// When the switch happened (wall clock), ISO-8601 UTC.
    public var time: String
    /// What switched.
    public var action: Action
    /// The version `CURRENT` now names.
    public var version: String
    /// The version it named before, if any.
    public var previous: String?

    /// Creates an entry.
    public init(time: String, action: Action, version: String, previous: String?) {
        self.time = time
        self.action = action
        self.version = version
        self.previous = previous
    }

    /// The line, without its newline.
    public var line: String { [time, action.rawValue, version, previous ?? "-"].joined(separator: "\t") }

    /// Parses a line; `nil` when it is not one.
    public init?(line: some StringProtocol) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 4, let action = Action(rawValue: String(fields[1])), !fields[2].isEmpty else {
            return nil
        }
        self.init(
            time: String(fields[0]), action: action, version: String(fields[2]),
            previous: fields[3] == "-" ? nil : String(fields[3]))
    }
}
