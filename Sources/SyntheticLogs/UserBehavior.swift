/// The constants of the generating process, in one place (see ``SessionSimulator`` and
/// ``InterestState`` for how they are used, and ``OracleRanker`` for the truth derived from them).
enum UserBehavior {
    /// Share of search intents drawn from global popularity instead of the user's interests.
    static let exploration = 0.08
    /// Probability that a session's next intent jumps to a complement of the previous intent's leaf.
    static let complementJump = 0.3
    /// Share of intents that follow another intent in the same session (where a jump can happen);
    /// used to turn ``complementJump`` into the expected share of complement-driven intents.
    static let followingIntentShare = 0.45
    /// Click propensity of a shown hint: `min(0.9, hintClickScale × interest mass of its leaf)` × position factor.
    static let hintClickScale = 0.6
    /// Click propensity by display position (the first hint is clicked most).
    static let positionFactor: [Double] = [1.0, 0.75, 0.6]
    /// Weight of queries naming the user's preferred brand, against 1 for the others.
    static let brandBoost = 3.0
    /// Hints shown per exposure.
    static let shown = 3
    /// Length of the oracle list.
    static let oracleLength = 30
    /// Relative session start weights by hour of day (UTC).
    static let hourWeights: [Double] = [
        0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 1.5, 1.6, 1.6, 1.8,
        2.2, 1.9, 1.5, 1.5, 1.6, 1.8, 2.2, 2.8, 3.2, 3.2, 2.4, 1.2,
    ]
}
