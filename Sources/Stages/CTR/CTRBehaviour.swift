/// One behaviour of a user's history as the CTR features see it: a search (or a hint click no
/// search of the same query follows, as in ``UserHistory``) or an item click, with its leaf
/// category and that leaf's parent.
struct CTRBehaviour: Sendable, Equatable {
    /// When it happened, epoch ms.
    var ts: Int64
    /// Whether it is a search rather than an item click.
    var isSearch: Bool
    /// The searched query's id in the caller's numbering (-1 for an item click).
    var query: Int32
    /// Its leaf category, -1 when unknown.
    var leaf: Int64
    /// The parent of that leaf, -1 when unknown.
    var parent: Int64
}
