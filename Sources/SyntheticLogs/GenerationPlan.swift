/// Options resolved into what the workers need: the world, the population size, the days.
struct GenerationPlan: Sendable {
    /// Users per work chunk: fixed, so the output does not depend on the thread count.
    static let chunkUsers = 256

    let options: GeneratorOptions
    let world: SyntheticWorld
    let users: Int
    let days: [CivilDate]
    let layouts: [DayFileLayout]
    /// `registered[n]`: the day n days before the start, `YYYY-MM-DD`.
    let registered: [String]

    /// Resolves `options` (sizing the population from ``GeneratorOptions/eventsPerDay`` when set).
    init(_ options: GeneratorOptions) throws {
        try options.validate()
        self.options = options
        let first = CivilDate(options.start)!
        days = (0..<options.days).map { first.adding($0) }
        world = SyntheticWorld(domainCount: options.resolvedTopCategories(users: options.users), seed: options.seed)
        registered = (0...SyntheticUser.maxRegisteredDaysBefore).map { first.adding(-$0).description }
        layouts = days.indices.map { DayFileLayout(seed: options.seed, dayIndex: $0, count: options.filesPerDay, zstd: options.zstd) }
        if let target = options.eventsPerDay {
            users = Self.population(for: target, world: world, options: options, day: first)
        } else {
            users = options.users
        }
    }

    var chunkCount: Int { (users + Self.chunkUsers - 1) / Self.chunkUsers }

    /// The users needed for about `target` events on the first day: the first-day event rate of a
    /// sample of the population (the same users the run will generate), plus 1 %.
    private static func population(for target: Int, world: SyntheticWorld, options: GeneratorOptions, day: CivilDate) -> Int {
        let sample = min(4096, max(256, target / 8))
        let simulator = SessionSimulator(world: world, dayStart: day.startMillis)
        var events = 0
        for u in 0..<sample {
            var rng = SplitMix64(seed: SplitMix64.derive(options.seed, SyntheticWorld.Stream.users | UInt64(u)))
            let user = SyntheticUser(index: u, days: options.days, world: world, rng: &rng)
            guard user.firstDay == 0 else { continue }
            let state = InterestState(user: user, world: world, burnIn: user.firstDay == 0, rng: &rng)
            let weights = state.weights
            var out = DayEvents()
            _ = simulator.simulate(user: user, weights: weights, masses: IntentMasses(weights: weights, world: world), rng: &rng, into: &out)
            events += out.events.count
        }
        let rate = max(0.5, Double(events) / Double(sample))
        return max(1, Int((Double(target) / rate * 1.01).rounded(.up)))
    }
}
