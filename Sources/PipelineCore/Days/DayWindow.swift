/// Which day partitions of an input a `per: day` task reads, relative to its own day D.
///
/// Written in a pipeline file as `inputs: [{events: {days: 8}}, {u2q_popularity: {offset: -1}}]`:
/// `days: 8` reads D-7…D (a window), `offset: -1` reads D-1 (yesterday's output), `offset: 1` reads
/// D+1; both together read the `days` partitions ending at D+offset. Partitions that do not exist
/// (before the first day) are simply not read.
public struct DayWindow: Hashable, Sendable, CustomStringConvertible {
    /// How many consecutive days are read (1 or more).
    public var days: Int
    /// The last day read, relative to the task's day.
    public var offset: Int

    /// The task's own day: the default for an input.
    public static let sameDay = DayWindow(days: 1, offset: 0)

    /// A window of `days` days ending at D+`offset`.
    public init(days: Int = 1, offset: Int = 0) {
        self.days = days
        self.offset = offset
    }

    /// The days read by the task of `day`, oldest first (`nil` when `day` is not a valid day).
    public func days(for day: String) -> [String]? {
        guard let end = Day.ordinal(day).map({ $0 + offset }) else { return nil }
        return (end - days + 1...end).map(Day.string)
    }

    /// Whether the task of `day` reads `other`.
    public func contains(_ other: String, for day: String) -> Bool {
        guard let d = Day.ordinal(day), let o = Day.ordinal(other) else { return false }
        return o <= d + offset && o > d + offset - days
    }

    /// `{days: 8}`, `{offset: -1}`, `{days: 7, offset: -1}`.
    public var description: String {
        switch (days, offset) {
        case (1, 0): "{}"
        case (_, 0): "{days: \(days)}"
        case (1, _): "{offset: \(offset)}"
        default: "{days: \(days), offset: \(offset)}"
        }
    }
}
