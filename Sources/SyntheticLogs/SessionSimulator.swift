/// Simulates one user-day: sessions of app_open, hint exposures, hint clicks, searches, item clicks,
/// carts, purchases and app_exit, driven by the day's interests.
///
/// - A user is active with their `activity` probability and then has 1–3 sessions, started at times
///   following a daily rhythm (``UserBehavior/hourWeights``); 12 % of sessions only browse the feed.
/// - A session holds 1–6 search intents. Each intent's leaf comes from the interest weights, or — for
///   a following intent, with probability ``UserBehavior/complementJump`` — from a complement of the
///   previous intent's leaf, or — with probability ``UserBehavior/exploration`` — from global
///   popularity.
/// - Most intents start at the search box, which logs a `hint_exposure`: about 10 candidates from the
///   production ranker, a noisy mix of the user's current interests (the ranker sees real-time
///   behaviour) and their complements, long-term interests and globally popular queries, the first 3 shown. The user clicks a shown hint with
///   probability `min(0.9, 0.6 × mass of its leaf today) × position factor`: clicks follow the
///   CURRENT interest. A click is followed (95 %) by a `search` with source `hint`.
/// - Otherwise the user searches the intent: a query of the leaf drawn by within-leaf Zipf, favouring
///   the user's preferred brand; typed (78 %, sometimes with capitals, extra spaces or an extra word),
///   from the suggestions (18 %) or without a source (4 %).
/// - Search results lead to 0–3 item clicks (items of the leaf, Zipf, often of the query's brand);
///   an item click leads to a cart 15 % of the time, a cart to a purchase 45 % of the time.
/// - Some sessions add item clicks from the feed (no query) in the interest leaves.
/// Every timestamp stays inside the day: a session that would cross midnight stops early.
struct SessionSimulator {
    let world: SyntheticWorld
    /// The day's first millisecond.
    let dayStart: Int64
    private let hours = WeightedTable(UserBehavior.hourWeights)

    init(world: SyntheticWorld, dayStart: Int64) {
        self.world = world
        self.dayStart = dayStart
    }

    /// Appends the user's events of the day to `out` and returns the engagement per leaf (searches
    /// and hint clicks), empty when the user was not active.
    func simulate(
        user: SyntheticUser, weights: [(leaf: Int32, weight: Double)], masses: IntentMasses,
        rng: inout SplitMix64, into out: inout DayEvents
    ) -> [(leaf: Int32, count: Int)] {
        guard rng.chance(user.activity) else { return [] }
        var day = UserDay(sim: self, user: user, weights: weights, masses: masses)
        let sessions = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0)
        var starts = (0..<sessions).map { _ in Int64(hours.draw(&rng) * 3_600_000 + rng.below(3_600_000)) }
        starts.sort()
        for start in starts { day.session(startOffset: start, rng: &rng, out: &out) }
        return day.engagement
    }

    /// The first millisecond after the day.
    var dayEnd: Int64 { dayStart + 86_400_000 }
}
