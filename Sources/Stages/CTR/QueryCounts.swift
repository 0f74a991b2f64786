/// Search-box activity of a query (or of every query of a leaf): searches, hint clicks and
/// displayed impressions as hints. Whole counts for one day, decay-weighted sums over several.
struct QueryCounts: Sendable, Equatable {
    /// `search` events of the query.
    var searches = 0.0
    /// `hint_click` events on the query.
    var hintClicks = 0.0
    /// Times it was displayed as a hint (a position below an exposure's `shown`).
    var impressions = 0.0

    /// Whether every count is zero.
    var isEmpty: Bool { searches == 0 && hintClicks == 0 && impressions == 0 }

    /// Adds `other` weighted by `weight`.
    mutating func add(_ other: QueryCounts, weight: Double = 1) {
        searches += weight * other.searches
        hintClicks += weight * other.hintClicks
        impressions += weight * other.impressions
    }
}
