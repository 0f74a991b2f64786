/// Where a hint of an answer came from (the `source` of each hint in the JSON).
public enum HintSource: String, Hashable, Sendable {
    /// The user's own list in u2q.
    case u2q
    /// The list of one of the request's recent triggers in x2q.
    case x2q
    /// The day's popular queries (the `popular` table), topping up an unknown user's answer.
    case popular
    /// u2q's default list (key `*`), topping up an unknown user's answer when there is no `popular` table.
    case `default`
}
