import Foundation

/// Times are stored as INTEGER milliseconds since 1970; every `Date` a record carries has already
/// been rounded that way, so a record read back compares equal to the one that was returned.
enum StoredTime {
    /// Milliseconds since 1970, rounded to the nearest millisecond.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date of `milliseconds` since 1970.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date` rounded to the stored precision.
    static func rounded(_ date: Date) -> Date {
        self.date(milliseconds(date))
    }
}
