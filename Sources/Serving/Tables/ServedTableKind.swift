/// The tables the server reads from `<workspace>/exports/`, each a folder of versions with a
/// `CURRENT` (``LookupFormat/ExportFolder``).
public enum ServedTableKind: String, CaseIterable, Hashable, Sendable, Comparable {
    /// The user's own list, keyed by user id; its default list (key `*`) is the fallback for unknown
    /// users when there is no `popular` table. Required: the server does not start without it.
    case u2q
    /// The queries that follow a trigger (`search:<query>`, `item:<id>`), keyed by trigger. Optional.
    case x2q
    /// The day's popular queries (the popularity baseline's default list, key `*`), which top up the
    /// lists of unknown users. Optional.
    case popular

    /// Orders as declared: u2q, x2q, popular.
    public static func < (lhs: ServedTableKind, rhs: ServedTableKind) -> Bool { lhs.order < rhs.order }

    private var order: Int {
        switch self {
        case .u2q: 0
        case .x2q: 1
        case .popular: 2
        }
    }
}
