/// What `aigq gen` (``LogGenerator/write(_:progress:)``) generates and where. The same options give
/// byte-identical files, whatever `threads` is.
public struct GeneratorOptions: Sendable, Equatable {
    /// Users in the population (ignored when ``eventsPerDay`` is set).
    public var users: Int = 3000
    /// Number of days.
    public var days: Int = 8
    /// The first day, `YYYY-MM-DD`.
    public var start: String = "2026-11-16"
    /// The seed of every random stream.
    public var seed: UInt64 = 1
    /// Event files per day.
    public var filesPerDay: Int = 4
    /// Whether some files (every other one; the only one when there is one) are `.jsonl.zst`.
    public var zstd: Bool = false
    /// Share of injected bad lines per good line (0 for none), recorded in `bad_lines.jsonl`.
    public var badLineRate: Double = 0
    /// When set, the population is sized so that the first day has about this many events (at least).
    public var eventsPerDay: Int?
    /// Top-level categories (1…20, 20 leaves each); nil: scaled with the users (one per 125, at least 2).
    public var topCategories: Int?
    /// The raw folder (dims/ and dt=DAY/ go inside).
    public var rawFolder: String = "Workspace/data/raw"
    /// The truth folder (dt=DAY/oracle.jsonl, interests.jsonl, bad_lines.jsonl); nil: no truth.
    public var truthFolder: String? = "Workspace/data/truth"
    /// Whether existing raw and truth folders may be replaced (else non-empty ones are an error).
    public var replace: Bool = false
    /// Worker threads (the output does not depend on it).
    public var threads: Int = 1

    /// The defaults.
    public init() {}

    /// The number of top-level categories used for `users` users.
    public func resolvedTopCategories(users: Int) -> Int {
        if let topCategories { return min(20, max(1, topCategories)) }
        if eventsPerDay != nil { return 20 }
        return min(20, max(2, Int((Double(users) / 125).rounded())))
    }

    /// Throws a ``GeneratorError`` naming the first option out of range.
    public func validate() throws {
        guard users >= 1 else { throw GeneratorError("--users must be at least 1 (got \(users))") }
        guard (1...3660).contains(days) else { throw GeneratorError("--days must be between 1 and 3660 (got \(days))") }
        guard CivilDate(start) != nil else { throw GeneratorError("--start '\(start)' is not a date YYYY-MM-DD") }
        guard (1...1000).contains(filesPerDay) else { throw GeneratorError("--files-per-day must be between 1 and 1000 (got \(filesPerDay))") }
        guard badLineRate >= 0 && badLineRate <= 0.5 else { throw GeneratorError("--bad-lines must be a rate between 0 and 0.5 (got \(badLineRate))") }
        if let eventsPerDay, eventsPerDay < 1 { throw GeneratorError("--scale must be at least 1 event per day (got \(eventsPerDay))") }
        if let topCategories, !(1...20).contains(topCategories) { throw GeneratorError("--categories must be between 1 and 20 (got \(topCategories))") }
        guard threads >= 1 else { throw GeneratorError("threads must be at least 1 (got \(threads))") }
    }
}
