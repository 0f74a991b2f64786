/// A user's expected share of today's interest-driven search intents per leaf: the interest weights,
/// with the part of the intents that jump to complements within a session
/// (`complementJump × followingIntentShare`) spread over each leaf's complements.
///
/// Hint clicks use it (a shown hint is clicked in proportion to its leaf's mass: the CURRENT interest),
/// and so does the oracle.
struct IntentMasses: Sendable {
    /// Leaves with a positive mass, in first-seen order.
    private(set) var leaves: [Int32] = []
    /// The mass of each of ``leaves`` (sums to one).
    private(set) var masses: [Double] = []

    /// The masses of the day with `weights` (normalised interest weights).
    init(weights: [(leaf: Int32, weight: Double)], world: SyntheticWorld) {
        let jump = UserBehavior.complementJump * UserBehavior.followingIntentShare
        for (leaf, w) in weights {
            let targets = world.complements.targets[Int(leaf)]
            if targets.isEmpty {
                add(leaf, w)
            } else {
                add(leaf, (1 - jump) * w)
                for c in targets { add(c, jump * w / Double(targets.count)) }
            }
        }
    }

    /// The mass of `leaf` (0 when absent).
    @inline(__always)
    func mass(of leaf: Int32) -> Double {
        for i in leaves.indices where leaves[i] == leaf { return masses[i] }
        return 0
    }

    private mutating func add(_ leaf: Int32, _ mass: Double) {
        if let i = leaves.firstIndex(of: leaf) {
            masses[i] += mass
        } else {
            leaves.append(leaf)
            masses.append(mass)
        }
    }
}
