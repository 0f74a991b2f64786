/// One behaviour of a user-day as the baselines see it: a query action (a search, or a hint click
/// that no search of the same query follows within 60 s) or an item click.
///
/// Real logs follow a hint click with the `search` it triggers; other producers may not log that
/// search, so an unmatched hint click stands for it. Either way each query action counts once.
struct DayBehaviour: Hashable, Sendable {
    /// What was done.
    enum Action: Hashable, Sendable {
        /// A normalised query searched (or hint-clicked).
        case query(String)
        /// An item page opened.
        case item(Int64)
    }

    /// Event time, epoch milliseconds.
    var ts: Int64
    /// The action.
    var action: Action

    /// The query of a query action.
    var query: String? {
        if case .query(let q) = action { return q }
        return nil
    }

    /// The trigger key of this behaviour (`search:<query>` or `item:<id>`), as in `transitions` and
    /// the `h_key` of `behaviors`.
    var trigger: String {
        switch action {
        case .query(let q): "search:" + q
        case .item(let id): "item:" + String(id)
        }
    }

    /// How long after a hint click its `search` may come and still be the same behaviour.
    static let hintSearchWindow: Int64 = 60_000
}
