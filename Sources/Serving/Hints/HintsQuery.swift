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
    /// The parameter names understood.
    public static let parameters = ["user", "n", "recent"]

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
    public init(queryString: Substring) throws {
        let pairs = QueryString(queryString).pairs
        if queryString.utf8.count > Self.maxQueryStringBytes {
            let longest = pairs.max { $0.value.utf8.count < $1.value.utf8.count }.map { String($0.name) } ?? "recent"
            throw ServingError.badParameter(
                longest,
                "the query string has \(queryString.utf8.count) bytes, more than \(Self.maxQueryStringBytes); send fewer or shorter recent triggers")
        }
        var values: [String: Substring] = [:]
        for pair in pairs {
            guard let name = QueryString.decode(pair.name), Self.parameters.contains(name) else {
                let shown = QueryString.decode(pair.name) ?? String(pair.name)
                throw ServingError.badParameter(
                    shown, "unknown parameter '\(Self.clipped(shown))'; /v1/hints takes user, n and recent")
            }
            guard values.updateValue(pair.value, forKey: name) == nil else {
                throw ServingError.badParameter(name, "\(name) is given more than once; pass it once")
            }
        }
        self.user = try Self.user(values["user"])
        self.count = try Self.count(values["n"])
        self.recent = try Self.recent(values["recent"])
    }

    private static func user(_ raw: Substring?) throws -> Int64 {
        guard let raw, !raw.isEmpty else {
            throw ServingError.badParameter("user", "user is missing; pass the user id, e.g. /v1/hints?user=42")
        }
        let text = QueryString.decode(raw) ?? String(raw)
        guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let user = Int64(text) else {
            throw ServingError.badParameter(
                "user", "user is '\(clipped(text))'; pass a user id of decimal digits (0…\(Int64.max))")
        }
        return user
    }

    private static func count(_ raw: Substring?) throws -> Int {
        guard let raw else { return defaultCount }
        let text = QueryString.decode(raw) ?? String(raw)
        guard let count = Int(text), (1...maxCount).contains(count) else {
            throw ServingError.badParameter("n", "n is '\(clipped(text))'; ask for 1…\(maxCount) hints (default \(defaultCount))")
        }
        return count
    }

    private static func recent(_ raw: Substring?) throws -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        let items = raw.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= maxTriggers else {
            throw ServingError.badParameter(
                "recent", "recent has \(items.count) triggers, more than \(maxTriggers); send the \(maxTriggers) most recent")
        }
        return try items.enumerated().map { index, item in
            guard let trigger = QueryString.decode(item) else {
                throw ServingError.badParameter(
                    "recent", "trigger \(index + 1) of recent ('\(clipped(String(item)))') is not percent-encoded UTF-8; encode each trigger with encodeURIComponent")
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

    /// `text` cut to 40 characters for an error message.
    private static func clipped(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
