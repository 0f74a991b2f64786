/// A user's interests on one day: a few leaves with intensities. This is the latent state that makes
/// the data learnable beyond popularity and co-occurrence.
///
/// - **Start**: each long-term interest is active with probability 0.6; a new interest from the
///   profile prior joins with probability 0.5. Users present from the first day then live
///   ``burnInDays`` unlogged days (engagement drawn cheaply from the weights), so the first logged day
///   already looks like the later ones; users who join mid-window start fresh (cold start).
/// - **Day to day** (``advance(engagement:user:world:rng:)``), given how often the user searched or
///   clicked hints in each leaf today (the engagement):
///   - an interest persists with probability 0.5 (0.75 when long-term) plus up to 0.35 with
///     engagement; it fades (×0.55…0.95) but engagement refreshes it; weak ones (< 0.08) vanish;
///   - each complement of an engaged leaf becomes an interest tomorrow with probability 0.2–0.4
///     (tent today → sleeping bag tomorrow);
///   - a dormant long-term interest comes back with probability 0.25;
///   - a new interest from the profile prior appears with probability 0.25;
///   - at most 8 interests are kept (the strongest).
/// So tomorrow follows from today's interests and their complements, recency matters (fading), and
/// profile matters (priors): a popularity list captures none of it, same-day co-occurrence only part.
struct InterestState: Sendable {
    /// One interest.
    struct Interest: Sendable {
        /// The leaf index.
        var leaf: Int32
        /// Intensity (relative; normalised into the day's weights).
        var intensity: Double
        /// Whether it is one of the user's long-term interests.
        var longTerm: Bool
    }

    /// Interests of the day, in insertion order.
    private(set) var interests: [Interest] = []

    /// Unlogged days lived before the first logged day by users present from the start.
    static let burnInDays = 6

    /// The state of a user's first day; `burnIn` for users present before the window.
    init(user: SyntheticUser, world: SyntheticWorld, burnIn: Bool, rng: inout SplitMix64) {
        for lt in user.longTerm where rng.chance(0.6) {
            interests.append(Interest(leaf: lt.leaf, intensity: lt.weight * rng.uniform(0.7, 1.3), longTerm: true))
        }
        if rng.chance(0.5) { addNovel(user: user, world: world, rng: &rng) }
        ensureNonEmpty(user: user, world: world, rng: &rng)
        guard burnIn else { return }
        for _ in 0..<Self.burnInDays {
            var engagement: [(leaf: Int32, count: Int)] = []
            if rng.chance(user.activity) {
                let weights = self.weights
                for _ in 0..<3 {
                    var u = rng.unit()
                    var leaf = weights[weights.count - 1].leaf
                    for w in weights {
                        u -= w.weight
                        if u < 0 {
                            leaf = w.leaf
                            break
                        }
                    }
                    if let i = engagement.firstIndex(where: { $0.leaf == leaf }) { engagement[i].count += 1 } else { engagement.append((leaf, 1)) }
                }
            }
            advance(engagement: engagement, user: user, world: world, rng: &rng)
        }
    }

    /// The day's interest weights, normalised to sum to one, in insertion order.
    var weights: [(leaf: Int32, weight: Double)] {
        let total = interests.reduce(0) { $0 + $1.intensity }
        return interests.map { ($0.leaf, $0.intensity / total) }
    }

    /// Moves to the next day given today's engagement per leaf (`engagement[i]` for leaf `leaves[i]`).
    mutating func advance(engagement: [(leaf: Int32, count: Int)], user: SyntheticUser, world: SyntheticWorld, rng: inout SplitMix64) {
        var kept = 0
        for i in interests.indices {
            var interest = interests[i]
            var count = 0
            for entry in engagement where entry.leaf == interest.leaf { count = entry.count }
            let e = Double(min(count, 3))
            let keep = min(0.95, (interest.longTerm ? 0.75 : 0.5) + 0.35 * min(1, e / 2))
            guard rng.chance(keep) else { continue }
            interest.intensity = interest.intensity * rng.uniform(0.55, 0.95) + 0.25 * e / 3
            if interest.intensity >= 0.08 {
                interests[kept] = interest
                kept += 1
            }
        }
        interests.removeLast(interests.count - kept)
        for (leaf, count) in engagement where count > 0 {
            let p = 0.2 + 0.1 * Double(min(count - 1, 2))
            for c in world.complements.targets[Int(leaf)] where rng.chance(p) {
                add(c, intensity: rng.uniform(0.45, 0.85), longTerm: false)
            }
        }
        for lt in user.longTerm where !interests.contains(where: { $0.leaf == lt.leaf }) && rng.chance(0.25) {
            add(lt.leaf, intensity: lt.weight * rng.uniform(0.7, 1.3), longTerm: true)
        }
        if rng.chance(0.25) { addNovel(user: user, world: world, rng: &rng) }
        if interests.count > 8 {
            interests = Array(interests.enumerated()
                .sorted { $0.element.intensity != $1.element.intensity ? $0.element.intensity > $1.element.intensity : $0.offset < $1.offset }
                .prefix(8).sorted { $0.offset < $1.offset }.map(\.element))
        }
        ensureNonEmpty(user: user, world: world, rng: &rng)
    }

    private mutating func add(_ leaf: Int32, intensity: Double, longTerm: Bool) {
        if let i = interests.firstIndex(where: { $0.leaf == leaf }) {
            interests[i].intensity = max(interests[i].intensity, intensity)
        } else {
            interests.append(Interest(leaf: leaf, intensity: intensity, longTerm: longTerm))
        }
    }

    private mutating func addNovel(user: SyntheticUser, world: SyntheticWorld, rng: inout SplitMix64) {
        let prior = world.priors.table(female: user.female, age: user.age, tier: user.tier)
        let leaf = Int32(prior.draw(&rng))
        let longTerm = user.longTerm.contains { $0.leaf == leaf }
        add(leaf, intensity: rng.uniform(0.4, 0.9), longTerm: longTerm)
    }

    private mutating func ensureNonEmpty(user: SyntheticUser, world: SyntheticWorld, rng: inout SplitMix64) {
        guard interests.isEmpty else { return }
        if let lt = user.longTerm.first {
            interests.append(Interest(leaf: lt.leaf, intensity: lt.weight, longTerm: true))
        } else {
            addNovel(user: user, world: world, rng: &rng)
        }
    }
}
