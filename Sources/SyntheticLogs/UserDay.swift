/// The running state of one user's simulated day (see ``SessionSimulator`` for the process).
struct UserDay {
    let sim: SessionSimulator
    let user: SyntheticUser
    let weights: [(leaf: Int32, weight: Double)]
    let masses: IntentMasses
    /// Searches and hint clicks per leaf so far.
    private(set) var engagement: [(leaf: Int32, count: Int)] = []
    private var t: Int64 = 0
    private var over = false
    private var previousEnd: Int64 = 0
    private var exposures: UInt16 = 0

    init(sim: SessionSimulator, user: SyntheticUser, weights: [(leaf: Int32, weight: Double)], masses: IntentMasses) {
        self.sim = sim
        self.user = user
        self.weights = weights
        self.masses = masses
        previousEnd = sim.dayStart
    }

    private var world: SyntheticWorld { sim.world }

    /// One session starting about `startOffset` ms into the day (after the previous one ended).
    mutating func session(startOffset: Int64, rng: inout SplitMix64, out: inout DayEvents) {
        t = max(sim.dayStart + startOffset, previousEnd + 30_000 + Int64(rng.below(600_000)))
        over = t >= sim.dayEnd - 60_000
        guard !over else { return }
        emit(SimEvent(ts: t, user: user.id, kind: .appOpen), &out)
        if rng.chance(0.12) {
            feed(clicks: 1 + rng.below(3), rng: &rng, out: &out)
        } else {
            var intents = 1
            while intents < 6 && rng.chance(0.45) { intents += 1 }
            var previousLeaf: Int32 = -1
            for k in 0..<intents {
                wait(k == 0 ? 2...8 : 20...240, &rng)
                previousLeaf = intent(first: k == 0, previousLeaf: previousLeaf, rng: &rng, out: &out)
            }
            if rng.chance(0.35) { feed(clicks: 1 + rng.below(2), rng: &rng, out: &out) }
        }
        if rng.chance(0.93) {
            wait(5...60, &rng)
            emit(SimEvent(ts: t, user: user.id, kind: .appExit), &out)
        }
        previousEnd = t
    }

    /// One search intent: maybe an exposure and a hint click, else a search; then result clicks.
    /// Returns the leaf the intent ended in.
    private mutating func intent(first: Bool, previousLeaf: Int32, rng: inout SplitMix64, out: inout DayEvents) -> Int32 {
        let queries = world.queries
        var leaf: Int32
        var explored: Int32 = -1
        if rng.chance(UserBehavior.exploration) {
            explored = Int32(queries.globalTable.draw(&rng))
            leaf = queries.leaf[Int(explored)]
        } else if !first, previousLeaf >= 0, !world.complements.targets[Int(previousLeaf)].isEmpty,
            rng.chance(UserBehavior.complementJump)
        {
            let targets = world.complements.targets[Int(previousLeaf)]
            leaf = targets[rng.below(targets.count)]
        } else {
            leaf = drawInterest(&rng)
        }
        var clicked: Int32 = -1
        if rng.chance(first ? 0.95 : 0.7) {
            exposures &+= 1
            let start = out.candidateQueries.count
            rankerCandidates(rng: &rng, out: &out)
            emit(SimEvent(ts: t, user: user.id, kind: .hintExposure, exposure: exposures,
                          candidateStart: Int32(start), candidateCount: UInt8(out.candidateQueries.count - start)), &out)
            for i in 0..<UserBehavior.shown {
                let hint = out.candidateQueries[start + i]
                let p = min(0.9, UserBehavior.hintClickScale * masses.mass(of: queries.leaf[Int(hint)])) * UserBehavior.positionFactor[i]
                if rng.chance(p) {
                    clicked = hint
                    break
                }
            }
        }
        var event: SimEvent
        if clicked >= 0 {
            wait(2...20, &rng)
            emit(SimEvent(ts: t, user: user.id, kind: .hintClick, query: clicked, exposure: exposures), &out)
            leaf = queries.leaf[Int(clicked)]
            event = SimEvent(ts: t, user: user.id, kind: .search, query: clicked, source: .hint)
            if rng.chance(0.95) {
                t += Int64(200 + rng.below(1300))
                event.ts = t
                emit(event, &out)
            }
        } else {
            wait(3...25, &rng)
            let query = explored >= 0 ? explored : drawQuery(leaf: leaf, &rng)
            event = SimEvent(ts: t, user: user.id, kind: .search, query: query)
            let u = rng.unit()
            event.source = u < 0.78 ? .typed : (u < 0.96 ? .suggest : .none)
            if event.source == .typed {
                let v = rng.unit()
                if v < 0.04 { event.variant = .titleCase } else if v < 0.07 { event.variant = .extraSpaces } else if v < 0.10 {
                    event.variant = .longTail
                    event.variantWord = UInt8(rng.below(10))
                }
            }
            emit(event, &out)
        }
        engage(leaf)
        results(of: event, leaf: leaf, rng: &rng, out: &out)
        return leaf
    }

    /// 0–3 item clicks on the results of `search`, with carts and purchases.
    private mutating func results(of search: SimEvent, leaf: Int32, rng: inout SplitMix64, out: inout DayEvents) {
        let u = rng.unit()
        let clicks = u < 0.3 ? 0 : (u < 0.7 ? 1 : (u < 0.9 ? 2 : 3))
        let brand = world.queries.brand[Int(search.query)]
        for _ in 0..<clicks {
            wait(3...40, &rng)
            var click = SimEvent(ts: t, user: user.id, kind: .itemClick, item: drawItem(leaf: leaf, brand: brand, &rng))
            if rng.chance(0.85) {
                click.query = search.query
                click.variant = search.variant
                click.variantWord = search.variantWord
            }
            emit(click, &out)
            checkout(item: click.item, rng: &rng, out: &out)
        }
    }

    /// Item clicks from the feed (no query) in the interest leaves.
    private mutating func feed(clicks: Int, rng: inout SplitMix64, out: inout DayEvents) {
        for _ in 0..<clicks {
            wait(5...90, &rng)
            let item = drawItem(leaf: drawInterest(&rng), brand: -1, &rng)
            emit(SimEvent(ts: t, user: user.id, kind: .itemClick, item: item), &out)
            checkout(item: item, rng: &rng, out: &out)
        }
    }

    /// Maybe a cart, then maybe a purchase, of `item`.
    private mutating func checkout(item: Int32, rng: inout SplitMix64, out: inout DayEvents) {
        guard rng.chance(0.15) else { return }
        wait(10...120, &rng)
        emit(SimEvent(ts: t, user: user.id, kind: .addToCart, item: item), &out)
        guard rng.chance(0.45) else { return }
        wait(20...300, &rng)
        var purchase = SimEvent(ts: t, user: user.id, kind: .purchase, item: item)
        if rng.chance(0.9) {
            let list = world.items.priceCents[Int(item)]
            purchase.priceCents = Int32(rng.chance(0.2) ? list * 9 / 10 : list)
        }
        emit(purchase, &out)
    }

    /// The production ranker's logged candidates (8–12), a ranker tuned on engagement (the paper's
    /// "system prior"): it sees the user's real-time interests, so a third of its candidates come from
    /// today's interest leaves and a tenth from their complements, the rest from long-term interests,
    /// global popularity and noise; ordered by a noisy score in which current interests tend to come first.
    private func rankerCandidates(rng: inout SplitMix64, out: inout DayEvents) {
        let queries = world.queries
        let want = 8 + rng.below(5)
        var picked: [(query: Int32, value: Double)] = []
        var attempts = 0
        while picked.count < want && attempts < 60 {
            attempts += 1
            let u = rng.unit()
            let q: Int32
            let value: Double
            if u < 0.35, !weights.isEmpty {
                let leaf = drawInterest(&rng)
                q = Int32(queries.first(of: Int(leaf)) + queries.rankTable.draw(&rng))
                value = 0.5 + 0.5 * rng.unit()
            } else if u < 0.45, !weights.isEmpty, case let targets = world.complements.targets[Int(drawInterest(&rng))], !targets.isEmpty {
                let leaf = targets[rng.below(targets.count)]
                q = Int32(queries.first(of: Int(leaf)) + queries.rankTable.draw(&rng))
                value = 0.35 + 0.5 * rng.unit()
            } else if u < 0.6, !user.longTerm.isEmpty {
                let lt = user.longTerm[drawLongTerm(&rng)]
                q = Int32(queries.first(of: Int(lt.leaf)) + queries.rankTable.draw(&rng))
                value = 0.3 + 0.5 * rng.unit()
            } else if u < 0.9 {
                q = Int32(queries.globalTable.draw(&rng))
                value = 0.7 * rng.unit()
            } else {
                q = Int32(rng.below(queries.texts.count))
                value = 0.4 * rng.unit()
            }
        if !picked.contains(where: { $0.query == q }) { picked.append((q, value)) }
        }
        let order = picked.indices.sorted { picked[$0].value != picked[$1].value ? picked[$0].value > picked[$1].value : $0 < $1 }
        var score = 9000 + rng.below(999)
        for i in order {
            out.candidateQueries.append(picked[i].query)
            out.candidateScores.append(Int32(score))
            score = max(1, min(score - 1, Int(Double(score) * rng.uniform(0.72, 0.97))))
        }
    }

    private func drawLongTerm(_ rng: inout SplitMix64) -> Int {
        let total = user.longTerm.reduce(0) { $0 + $1.weight }
        var u = rng.unit() * total
        for (i, lt) in user.longTerm.enumerated() {
            u -= lt.weight
            if u < 0 { return i }
        }
        return user.longTerm.count - 1
    }

    /// A leaf drawn from today's interest weights.
    private func drawInterest(_ rng: inout SplitMix64) -> Int32 {
        var u = rng.unit()
        for w in weights {
            u -= w.weight
            if u < 0 { return w.leaf }
        }
        return weights[weights.count - 1].leaf
    }

    /// A query of `leaf`: within-leaf Zipf, queries of the user's preferred brand weighted ×3.
    private func drawQuery(leaf: Int32, _ rng: inout SplitMix64) -> Int32 {
        let queries = world.queries
        let first = queries.first(of: Int(leaf))
        let preferred = user.preferredBrand(leaf: Int(leaf), world: world)
        while true {
            let q = first + queries.rankTable.draw(&rng)
            if preferred < 0 || queries.brand[q] == preferred || rng.chance(1 / UserBehavior.brandBoost) { return Int32(q) }
        }
    }

    /// An item of `leaf`: Zipf over the leaf's items, up to four tries to match `brand`.
    private func drawItem(leaf: Int32, brand: Int8, _ rng: inout SplitMix64) -> Int32 {
        let items = world.items
        let first = Int(leaf) * items.perLeaf
        var i = first + items.rankTable.draw(&rng)
        var tries = 1
        while brand >= 0 && items.brand[i] != brand && tries < 4 {
            i = first + items.rankTable.draw(&rng)
            tries += 1
        }
        return Int32(i)
    }

    private mutating func engage(_ leaf: Int32) {
        guard !over else { return }
        if let i = engagement.firstIndex(where: { $0.leaf == leaf }) {
            engagement[i].count += 1
        } else {
            engagement.append((leaf, 1))
        }
    }

    /// Moves the clock by a random number of seconds in `range` (plus milliseconds).
    private mutating func wait(_ range: ClosedRange<Int>, _ rng: inout SplitMix64) {
        t += Int64(rng.int(in: range)) * 1000 + Int64(rng.below(1000))
    }

    /// Appends `event` unless the day is over (then the rest of the session is dropped).
    private mutating func emit(_ event: SimEvent, _ out: inout DayEvents) {
        if event.ts >= sim.dayEnd { over = true }
        if !over { out.events.append(event) }
    }
}
