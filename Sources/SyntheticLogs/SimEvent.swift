/// The event types of the raw contract.
enum EventKind: UInt8, Sendable {
    case appOpen, appExit, hintExposure, hintClick, search, itemClick, addToCart, purchase

    /// The `type` string written to the logs.
    var name: StaticString {
        switch self {
        case .appOpen: return "app_open"
        case .appExit: return "app_exit"
        case .hintExposure: return "hint_exposure"
        case .hintClick: return "hint_click"
        case .search: return "search"
        case .itemClick: return "item_click"
        case .addToCart: return "add_to_cart"
        case .purchase: return "purchase"
        }
    }
}

/// How a search was started (`source`), or none when the field is left out.
enum SearchSource: UInt8, Sendable {
    case none, typed, hint, suggest
}

/// How a typed query's text differs from its normalised form (normalisation must undo it).
enum QueryVariant: UInt8, Sendable {
    /// Exactly the catalogue text.
    case exact
    /// First letter of every word upper case ("Waterproof Tent").
    case titleCase
    /// A doubled space between words and a trailing space.
    case extraSpaces
    /// A word appended: a long-tail query usually missing from the dictionary.
    case longTail
}

/// One simulated event, compact: texts are indices into the world's catalogues, rendered to JSON later.
struct SimEvent: Sendable {
    /// Milliseconds since the epoch.
    var ts: Int64
    /// The user id.
    var user: Int64
    /// The event type.
    var kind: EventKind
    /// Query index (search, hint_click, item_click with query), −1 for none.
    var query: Int32 = -1
    /// How the query text is written.
    var variant: QueryVariant = .exact
    /// The extra word of a long-tail query (index into the domain's modifiers).
    var variantWord: UInt8 = 0
    /// Item index (item events), −1 for none.
    var item: Int32 = -1
    /// Exposure number within the user-day (hint_exposure, hint_click).
    var exposure: UInt16 = 0
    /// Candidates of a hint_exposure: range in the day's candidate arrays.
    var candidateStart: Int32 = 0
    /// Number of logged candidates.
    var candidateCount: UInt8 = 0
    /// The search source.
    var source: SearchSource = .none
    /// Price paid in cents (purchase), −1 when the field is left out.
    var priceCents: Int32 = -1
}
