/// The latent-truth lines of a user-day (written for users with at least one event that day, in
/// user id order):
///
/// - `oracle.jsonl`: `{"user":7,"queries":["…", …]}` — the ``OracleRanker`` list (30 normalised
///   queries, best first);
/// - `interests.jsonl`: `{"user":7,"interests":[{"leaf":1203,"weight":0.4123,"long_term":true}, …]}` —
///   the day's interest weights (leaf category ids; weights rounded to 4 decimals, heaviest first).
enum TruthLines {
    /// Appends the user's oracle line.
    static func oracle(user: SyntheticUser, masses: IntentMasses, world: SyntheticWorld, into w: inout JSONWriter) {
        let top = OracleRanker.top(UserBehavior.oracleLength, masses: masses, user: user, world: world)
        start(user: user, list: "queries", &w)
        for (i, q) in top.enumerated() {
            if i > 0 { w.comma() }
            w.string(query: Int(q), of: world.queries)
        }
        w.raw("]")
        w.close()
        w.bytes.append(0x0A)
    }

    /// Appends the user's interests line.
    static func interests(user: SyntheticUser, state: InterestState, world: SyntheticWorld, into w: inout JSONWriter) {
        let total = state.interests.reduce(0) { $0 + $1.intensity }
        let order = state.interests.indices.sorted {
            let a = state.interests[$0], b = state.interests[$1]
            return a.intensity != b.intensity ? a.intensity > b.intensity : a.leaf < b.leaf
        }
        start(user: user, list: "interests", &w)
        for (n, i) in order.enumerated() {
            let interest = state.interests[i]
            if n > 0 { w.comma() }
            w.open()
            w.key("leaf")
            w.int(world.tree.leaves[Int(interest.leaf)].id)
            w.key("weight")
            w.decimal(units: Int((interest.intensity / total * 10_000).rounded()), scale: 4, style: .plain)
            w.key("long_term")
            w.raw(interest.longTerm ? "true" : "false")
            w.close()
        }
        w.raw("]")
        w.close()
        w.bytes.append(0x0A)
    }

    /// Opens a line `{"user":<id>,"<list>":[`.
    private static func start(user: SyntheticUser, list: StaticString, _ w: inout JSONWriter) {
        w.open()
        w.key("user")
        w.int(user.id)
        w.key(list)
        w.raw("[")
    }
}
