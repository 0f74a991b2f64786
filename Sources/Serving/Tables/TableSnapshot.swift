/// The tables served at one moment: what a request reads, taken once at its start, so every list of
/// one answer comes from one set of versions.
public struct TableSnapshot: Sendable {
    /// The user lists (required to answer /v1/hints).
    public var u2q: ServedTable?
    /// The trigger lists.
    public var x2q: ServedTable?
    /// The day's popular queries.
    public var popular: ServedTable?

    /// No tables.
    public init() {}

    /// The table of `kind`.
    public subscript(kind: ServedTableKind) -> ServedTable? {
        get {
            switch kind {
            case .u2q: u2q
            case .x2q: x2q
            case .popular: popular
            }
        }
        set {
            switch kind {
            case .u2q: u2q = newValue
            case .x2q: x2q = newValue
            case .popular: popular = newValue
            }
        }
    }

    /// The tables loaded, in ``ServedTableKind`` order.
    public var tables: [ServedTable] { ServedTableKind.allCases.compactMap { self[$0] } }
}
