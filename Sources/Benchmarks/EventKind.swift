/// The `type` column of the benchmark's events table: what the user did, with the share of rows
/// each kind takes and which of the optional columns it fills.
enum EventKind: Int, CaseIterable, Sendable {
    case appOpen, hintExposure, hintClick, search, itemClick, addToCart, purchase, appExit

    /// The value stored in the `type` column.
    var name: String {
        switch self {
        case .appOpen: "app_open"
        case .hintExposure: "hint_exposure"
        case .hintClick: "hint_click"
        case .search: "search"
        case .itemClick: "item_click"
        case .addToCart: "add_to_cart"
        case .purchase: "purchase"
        case .appExit: "app_exit"
        }
    }

    /// Percent of rows of this kind (the shares sum to 100): queries on 45 % of rows, items on 40 %,
    /// prices on 10 %, as in the production logs.
    var percent: Int {
        switch self {
        case .appOpen: 8
        case .hintExposure: 29
        case .hintClick: 4
        case .search: 12
        case .itemClick: 30
        case .addToCart: 7
        case .purchase: 3
        case .appExit: 7
        }
    }

    /// Whether rows of this kind carry a query (otherwise `query` is null).
    var hasQuery: Bool { self == .hintExposure || self == .hintClick || self == .search }
    /// Whether rows of this kind carry an item and its category.
    var hasItem: Bool { self == .itemClick || self == .addToCart || self == .purchase }
    /// Whether rows of this kind carry a price.
    var hasPrice: Bool { self == .addToCart || self == .purchase }

    /// Kinds indexed by percentile: `byPercentile[p]` for `p` in `0..<100`.
    static let byPercentile: [EventKind] = allCases.flatMap { Array(repeating: $0, count: $0.percent) }
}
