import Foundation

/// Calendar days as partition names (`YYYY-MM-DD`, UTC).
public enum ShardDay {
    private static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f
    }()

    /// Whether `day` is a real date written `YYYY-MM-DD`.
    public static func isValid(_ day: String) -> Bool {
        day.count == 10 && formatter.date(from: day).map { formatter.string(from: $0) == day } == true
    }

    /// Every day from `first` to `last`, inclusive, in order.
    public static func range(from first: String, to last: String) throws -> [String] {
        guard let start = formatter.date(from: first), isValid(first) else {
            throw RunnerError(.usage, "--from '\(first)' is not a day of the form YYYY-MM-DD")
        }
        guard let end = formatter.date(from: last), isValid(last) else {
            throw RunnerError(.usage, "--to '\(last)' is not a day of the form YYYY-MM-DD")
        }
        guard start <= end else { throw RunnerError(.usage, "--from \(first) is after --to \(last)") }
        var days: [String] = []
        var day = start
        while day <= end {
            days.append(formatter.string(from: day))
            day = day.addingTimeInterval(86_400)
        }
        return days
    }
}
