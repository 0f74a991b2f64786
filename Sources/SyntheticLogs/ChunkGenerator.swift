import Columnar

/// Generates one chunk of users (``GenerationPlan/chunkUsers``) for every day: simulates each user's
/// life, writes the truth lines, then lays the events out into the day's files — each event to a
/// random file, each file's lines shuffled, bad and blank lines injected — all from streams seeded by
/// (seed, chunk, day, file), so chunks can run on any thread in any order.
struct ChunkGenerator {
    let plan: GenerationPlan

    /// The output of chunk `chunk`.
    func run(chunk: Int) throws -> ChunkOutput {
        let world = plan.world
        let dayCount = plan.days.count
        let lo = chunk * GenerationPlan.chunkUsers
        let hi = min(plan.users, lo + GenerationPlan.chunkUsers)
        let writeTruth = plan.options.truthFolder != nil
        let simulators = plan.days.map { SessionSimulator(world: world, dayStart: $0.startMillis) }
        var days = [DayEvents](repeating: DayEvents(), count: dayCount)
        var oracle = [JSONWriter](repeating: JSONWriter(capacity: 0), count: dayCount)
        var interests = [JSONWriter](repeating: JSONWriter(capacity: 0), count: dayCount)
        var users = JSONWriter(capacity: 1 << 14)
        for u in lo..<hi {
            var rng = SplitMix64(seed: SplitMix64.derive(plan.options.seed, SyntheticWorld.Stream.users | UInt64(u)))
            let user = SyntheticUser(index: u, days: dayCount, world: world, rng: &rng)
            if user.listed { DimensionLines.user(user, registered: plan.registered, into: &users) }
            guard user.firstDay < dayCount else { continue }
            var state = InterestState(user: user, world: world, burnIn: user.firstDay == 0, rng: &rng)
            for d in user.firstDay..<dayCount {
                let weights = state.weights
                let masses = IntentMasses(weights: weights, world: world)
                let before = days[d].events.count
                let engagement = simulators[d].simulate(user: user, weights: weights, masses: masses, rng: &rng, into: &days[d])
                if writeTruth && days[d].events.count > before {
                    TruthLines.oracle(user: user, masses: masses, world: world, into: &oracle[d])
                    TruthLines.interests(user: user, state: state, world: world, into: &interests[d])
                }
                if d + 1 < dayCount { state.advance(engagement: engagement, user: user, world: world, rng: &rng) }
            }
        }
        let counts = days.map(\.events.count)
        var pieces: [[ChunkOutput.Piece]] = []
        for d in 0..<dayCount {
            pieces.append(try layOut(days[d], dayIndex: d, chunk: chunk))
            days[d] = DayEvents()
        }
        return ChunkOutput(
            pieces: pieces, events: counts, oracle: oracle.map(\.bytes), interests: interests.map(\.bytes), users: users.bytes)
    }

    /// Distributes a day's events over the day's files and renders each file's piece.
    private func layOut(_ day: DayEvents, dayIndex: Int, chunk: Int) throws -> [ChunkOutput.Piece] {
        let layout = plan.layouts[dayIndex]
        let seed = plan.options.seed
        let stream = UInt64(chunk) << 20 | UInt64(dayIndex)
        var rng = SplitMix64(seed: SplitMix64.derive(SplitMix64.derive(seed, SyntheticWorld.Stream.layout), stream))
        var lists = [[Int32]](repeating: [], count: layout.files.count)
        for i in day.events.indices { lists[rng.below(lists.count)].append(Int32(i)) }
        for f in lists.indices {
            for i in stride(from: lists[f].count - 1, to: 0, by: -1) { lists[f].swapAt(i, rng.below(i + 1)) }
        }
        let dayStart = plan.days[dayIndex].startMillis
        let renderer = EventRenderer(world: plan.world, dayIndex: dayIndex, salt: seed)
        let badMaker = BadLineMaker(world: plan.world, dayStart: dayStart)
        let rate = plan.options.badLineRate
        var pieces: [ChunkOutput.Piece] = []
        for (f, file) in layout.files.enumerated() {
            var bad = SplitMix64(seed: SplitMix64.derive(SplitMix64.derive(seed, SyntheticWorld.Stream.badLines), stream << 12 | UInt64(f)))
            var kindCursor = bad.below(BadLineKind.allCases.count)
            var piece = ChunkOutput.Piece()
            var w = JSONWriter(capacity: lists[f].count * 160)
            w.spaced = file.spaced
            for index in lists[f] {
                let event = day.events[Int(index)]
                if rate > 0 && bad.chance(rate) {
                    let kind = BadLineKind.allCases[kindCursor % BadLineKind.allCases.count]
                    kindCursor += 1
                    badMaker.write(kind, user: event.user, into: &w, rng: &bad)
                    end(line: file, &w)
                    piece.bad.append((piece.lines, kind))
                    piece.lines += 1
                }
                if rng.chance(0.0005) {
                    end(line: file, &w)
                    piece.lines += 1
                }
                renderer.render(event, candidates: day, into: &w, rng: &rng)
                end(line: file, &w)
                piece.lines += 1
            }
            if file.zstd && !w.bytes.isEmpty {
                let compressor = try ZstdStreamCompressor(level: 3)
                try compressor.compress(w.bytes, into: &piece.bytes)
                try compressor.finish(into: &piece.bytes)
            } else {
                piece.bytes = w.bytes
            }
            pieces.append(piece)
        }
        return pieces
    }

    private func end(line file: DayFileLayout.File, _ w: inout JSONWriter) {
        if file.crlf { w.bytes.append(0x0D) }
        w.bytes.append(0x0A)
    }
}
