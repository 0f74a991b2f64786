import Foundation

/// A calendar day `YYYY-MM-DD` in UTC, as days since 1970-01-01. Converted through a Gregorian
/// calendar fixed to UTC, so no time zone or locale of the machine can change the output.
struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Days since 1970-01-01.
    let daysSinceEpoch: Int

    /// The day `daysSinceEpoch` days after 1970-01-01.
    init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Parses `YYYY-MM-DD`; nil when it is not a real date.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let date = Self.calendar.date(from: DateComponents(year: y, month: m, day: d))
        else { return nil }
        daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        guard description == text else { return nil }  // 2026-02-30 rolls over to March
    }

    /// The day `n` days later (earlier when negative).
    func adding(_ n: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + n) }

    /// The first millisecond of the day, UTC.
    var startMillis: Int64 { Int64(daysSinceEpoch) * 86_400_000 }

    /// `YYYY-MM-DD`.
    var description: String {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400))
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Orders days in time.
    static func < (a: CivilDate, b: CivilDate) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}
