import Foundation

/// Calendar arithmetic on `YYYY-MM-DD` days (UTC), the partition keys of every dataset.
public enum Day {
    /// Milliseconds in a day.
    public static let millis: Int64 = 86_400_000

    /// Days since 1970-01-01 of `day`, or `nil` when it is not a valid `YYYY-MM-DD`.
    public static func ordinal(_ day: String) -> Int? {
        let parts = day.split(separator: "-")
        guard day.utf8.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        guard string(days) == day else { return nil }  // rejects 2026-02-30
        return days
    }

    /// The `YYYY-MM-DD` of days since 1970-01-01.
    public static func string(_ ordinal: Int) -> String {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// `day` moved by `offset` days (negative: earlier).
    public static func adding(_ offset: Int, to day: String) -> String {
        guard let n = ordinal(day) else { preconditionFailure("'\(day)' is not a day") }
        return string(n + offset)
    }

    /// The first millisecond of `day` (UTC).
    public static func startMillis(_ day: String) -> Int64 {
        guard let n = ordinal(day) else { preconditionFailure("'\(day)' is not a day") }
        return Int64(n) * millis
    }

    /// The day (UTC) holding the epoch millisecond `ms`.
    public static func of(millis ms: Int64) -> String { string(ordinal(millis: ms)) }

    /// The day number (days since 1970-01-01, UTC) holding the epoch millisecond `ms`.
    public static func ordinal(millis ms: Int64) -> Int {
        Int(ms >= 0 ? ms / millis : (ms - millis + 1) / millis)
    }
}
