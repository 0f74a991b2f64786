/// The parameters of `GET /v1/hints?user=<id>&n=<n>&recent=<trigger>,<trigger>`, checked.
///
/// - `user` (required): the user id, decimal digits (`42`).
/// - `n` (optional, default 10): how many hints, 1…100.
/// - `recent` (optional): the user's recent triggers, most recent first, comma-separated, each
///   percent-encoded (`search%3A%E5%B8%90%E7%AF%B7,item%3A7`), at most 10 of at most 256 bytes.
///
/// Anything else is refused with a ``ServingError`` naming the parameter: an unknown or repeated
/// parameter, a value out of range, a bad escape, a query string over 4 096 bytes. No value is ever
/// used as a path: they are keys of in-memory tables.
public struct HintsQuery: Hashable, Sendable {
    /// Hints answered when `n` is not given.
    public static let defaultCount = 10
    /// The largest `n`.
    public static let maxCount = 100
    /// The most triggers in `recent`.
    public static let maxTriggers = 10
    /// The longest trigger, in bytes once decoded.
    public static let maxTriggerBytes = 256
    /// The longest query string, in bytes as sent.
    public static let maxQueryStringBytes = 4096

    /// The user id.
    public var user: Int64
    /// How many hints to answer.
    public var count: Int
    /// The recent triggers, most recent first.
    public var recent: [String]

    /// A query for `user`.
    public init(user: Int64, count: Int = defaultCount, recent: [String] = []) {
        self.user = user
        self.count = count
        self.recent = recent
    }

    /// Parses and checks a query string (the part of the URL after `?`, still percent-encoded).
    public init(queryString: String) throws {
        var text = queryString
        self = try text.withUTF8 { bytes in try Self(QueryString(bytes: bytes)) }
    }

    private init(_ query: QueryString) throws {
        let pairs = query.pairs
        if query.bytes.count > Self.maxQueryStringBytes {
            let longest = pairs.max { $0.value.count < $1.value.count }.map { query.text($0.name) } ?? "recent"
            throw ServingError.badParameter(
                longest,
                "the query string has \(query.bytes.count) bytes, more than \(Self.maxQueryStringBytes); send fewer or shorter recent triggers")
        }
        var user, count, recent: Range<Int>?
        for pair in pairs {
            let previous: Range<Int>?
            if query.matches(pair.name, "user") {
                (previous, user) = (user, pair.value)
            } else if query.matches(pair.name, "n") {
                (previous, count) = (count, pair.value)
            } else if query.matches(pair.name, "recent") {
                (previous, recent) = (recent, pair.value)
            } else {
                let name = query.text(pair.name)
                throw ServingError.badParameter(name, "unknown parameter '\(Self.clipped(name))'; /v1/hints takes user, n and recent")
            }
            guard previous == nil else {
                let name = query.text(pair.name)
                throw ServingError.badParameter(name, "\(name) is given more than once; pass it once")
            }
        }
        self.user = try Self.user(user, query)
        self.count = try Self.count(count, query)
        self.recent = try Self.recent(recent, query)
    }

    private static func user(_ range: Range<Int>?, _ query: QueryString) throws -> Int64 {
        guard let range, !range.isEmpty else {
            throw ServingError.badParameter("user", "user is missing; pass the user id, e.g. /v1/hints?user=42")
        }
        guard let user = query.integer(range) ?? query.decode(range).flatMap(Self.digits) else {
            throw ServingError.badParameter(
                "user", "user is '\(clipped(query.text(range)))'; pass a user id of decimal digits (0…\(Int64.max))")
        }
        return user
    }

    private static func count(_ range: Range<Int>?, _ query: QueryString) throws -> Int {
        guard let range else { return defaultCount }
        guard let count = query.integer(range) ?? query.decode(range).flatMap(Self.digits), (1...Int64(maxCount)).contains(count) else {
            throw ServingError.badParameter("n", "n is '\(clipped(query.text(range)))'; ask for 1…\(maxCount) hints (default \(defaultCount))")
        }
        return Int(count)
    }

    private static func recent(_ range: Range<Int>?, _ query: QueryString) throws -> [String] {
        guard let range, !range.isEmpty else { return [] }
        let items = query.items(range)
        guard items.count <= maxTriggers else {
            throw ServingError.badParameter(
                "recent", "recent has \(items.count) triggers, more than \(maxTriggers); send the \(maxTriggers) most recent")
        }
        return try items.enumerated().map { index, item in
            guard let trigger = query.decode(item) else {
                throw ServingError.badParameter(
                    "recent", "trigger \(index + 1) of recent ('\(clipped(query.text(item)))') is not percent-encoded UTF-8; encode each trigger with encodeURIComponent")
            }
            guard !trigger.isEmpty else {
                throw ServingError.badParameter(
                    "recent", "trigger \(index + 1) of recent is empty; separate triggers with single commas (search:<query>,item:<id>)")
            }
            guard trigger.utf8.count <= maxTriggerBytes else {
                throw ServingError.badParameter(
                    "recent", "trigger \(index + 1) of recent has \(trigger.utf8.count) bytes, more than \(maxTriggerBytes); shorten it")
            }
            return trigger
        }
    }

    /// `text` as a non-negative integer when it is only decimal digits.
    private static func digits(_ text: String) -> Int64? {
        text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int64(text) : nil
    }

    /// `text` cut to 40 characters for an error message.
    private static func clipped(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
