/// Directed "goes with" links between leaves (tent → sleeping bag): 2–3 complements per leaf, mostly
/// siblings in the same group (60 %), else in the same domain (30 %) or anywhere (10 %).
///
/// The links drive what users search next: within a session the next intent jumps to a complement of
/// the previous one with probability ``UserBehavior/complementJump``, and a leaf engaged with today
/// often becomes a new interest tomorrow (``InterestState/advance(engagement:user:world:rng:)``). A
/// model can learn the links from cross-user sequences; same-day co-occurrence sees only part of them.
struct ComplementGraph: Sendable {
    /// Complements of each leaf, in link order.
    let targets: [[Int32]]

    /// Draws the links for `tree`.
    init(tree: CategoryTree, rng: inout SplitMix64) {
        var byGroup: [[Int]] = Array(repeating: [], count: tree.groups.count)
        var byDomain: [Int: [Int]] = [:]
        for (l, leaf) in tree.leaves.enumerated() {
            byGroup[leaf.group].append(l)
            byDomain[leaf.domain, default: []].append(l)
        }
        var targets: [[Int32]] = []
        for (l, leaf) in tree.leaves.enumerated() {
            let want = 2 + (rng.chance(0.4) ? 1 : 0)
            var chosen: [Int32] = []
            var attempts = 0
            while chosen.count < want && attempts < 100 {
                attempts += 1
                let u = rng.unit()
                let pool: [Int]
                if u < 0.6 { pool = byGroup[leaf.group] } else if u < 0.9 { pool = byDomain[leaf.domain] ?? [] } else { pool = Array(tree.leaves.indices) }
                guard !pool.isEmpty else { continue }
                let c = pool[rng.below(pool.count)]
                if c != l && !chosen.contains(Int32(c)) { chosen.append(Int32(c)) }
            }
            targets.append(chosen)
        }
        self.targets = targets
    }
}
