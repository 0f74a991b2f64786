import Foundation

/// A user's fixed traits: the true profile (and what of it the logs show), activity, long-term
/// interests and brand loyalties. Drawn from the user's own random stream, so a user is the same
/// whatever the number of users, files or threads.
struct SyntheticUser: Sendable {
    /// Index in the population.
    let index: Int
    /// The id written to the logs: sparse, increasing with the index.
    let id: Int64
    /// True gender.
    let female: Bool
    /// Gender as written to `users.jsonl` (`f`, `m`, or `u` for unknown).
    let loggedGender: StaticString
    /// True age in years.
    let age: Int
    /// Whether `age` is written (else null).
    let ageKnown: Bool
    /// True city tier 1…5.
    let tier: Int
    /// Whether `city_tier` is written (else null).
    let tierKnown: Bool
    /// Whether the user is listed in `users.jsonl` (new users are not).
    let listed: Bool
    /// Users registered at most this many days before the start.
    static let maxRegisteredDaysBefore = 1500
    /// Days before the start the user registered.
    let registeredDaysBefore: Int
    /// The first generated day on which the user exists (new users join mid-window).
    let firstDay: Int
    /// Probability of being active on a day.
    let activity: Double
    /// Long-term interests: leaves the user keeps coming back to, with base intensities.
    let longTerm: [(leaf: Int32, weight: Double)]
    /// Preferred brand per taken domain (−1: no preference); queries naming it are favoured.
    let brandPreference: [Int8]

    /// The user at `index`, drawn from `rng` (the user's own stream).
    init(index: Int, days: Int, world: SyntheticWorld, rng: inout SplitMix64) {
        self.index = index
        id = Int64(index) * 4 + 1 + Int64(SplitMix64.finalize(UInt64(index) &+ 0x5EED) & 3)
        female = rng.chance(0.5)
        loggedGender = rng.chance(0.08) ? "u" : (female ? "f" : "m")
        age = min(80, max(16, Int(34 + 12 * rng.normal())))
        ageKnown = !rng.chance(0.07)
        tier = 1 + min(4, Int(rng.unit() * rng.unit() * 5.6))
        tierKnown = !rng.chance(0.07)
        listed = !rng.chance(0.04)
        registeredDaysBefore = 1 + rng.below(Self.maxRegisteredDaysBefore)
        firstDay = listed || days <= 1 ? 0 : rng.below(days)
        activity = 0.2 + 0.75 * pow(rng.unit(), 0.8)
        let prior = world.priors.table(female: female, age: age, tier: tier)
        var longTerm: [(Int32, Double)] = []
        let want = 2 + rng.below(4)
        var attempts = 0
        while longTerm.count < want && attempts < 50 {
            attempts += 1
            let leaf = Int32(prior.draw(&rng))
            if !longTerm.contains(where: { $0.0 == leaf }) { longTerm.append((leaf, rng.uniform(0.5, 1.0))) }
        }
        self.longTerm = longTerm
        brandPreference = world.tree.domains.map { _ in rng.chance(0.5) ? Int8(rng.below(QueryCatalog.brandsPerDomain)) : -1 }
    }

    /// The user's brand preference in the domain of `leaf`, −1 for none.
    @inline(__always)
    func preferredBrand(leaf: Int, world: SyntheticWorld) -> Int8 {
        brandPreference[world.tree.leaves[leaf].domain]
    }
}
