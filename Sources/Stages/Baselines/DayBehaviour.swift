/// One behaviour of a user-day as the baselines see it: a query action (a search, or a hint click
/// that no search of the same query follows within 60 s) or an item click.
///
/// Real logs follow a hint click with the `search` it triggers; other producers may not log that
/// search, so an unmatched hint click stands for it. Either way each query action counts once.
struct DayBehaviour: Hashable, Sendable {
    /// What was done.
    enum Action: Hashable, Sendable {
        /// A normalised query searched (or hint-clicked); its trigger key is `search:<query>`.
        case query(String)
        /// An item page opened; its trigger key is `item:<id>`.
        case item(Int64)
    }

    /// Event time, epoch milliseconds.
    var ts: Int64
    /// The action.
    var action: Action

    /// How long after a hint click its `search` may come and still be the same behaviour.
    static let hintSearchWindow: Int64 = 60_000
}
