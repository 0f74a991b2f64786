/// Turns one bucket's `direct_sessions` and `think_sessions` rows into `sft_samples` rows (spec §3):
/// a `direct` sample per Direct session, a `think` and a `plain` sample per Think session (each
/// only when its target is not empty). Prompts hold the session row's history, which the sessions
/// stage cut strictly before the row's `ts`, so no sample's prompt holds its own target events.
struct BucketSampler {
    /// Target queries per sample (N, 1…30).
    let n: Int
    /// Query categories, category parents, transitions.
    let dimensions: RerankDimensions

    /// The samples of one bucket.
    func run(direct: [SessionBatch], think: [SessionBatch]) throws -> SampleRows {
        var rows = SampleRows()
        var serializer = SampleSerializer()
        for batch in direct {
            let clicked = try batch.allStrings("clicked"), candidates = try batch.allStrings("candidates")
            for row in 0..<batch.count {
                let queries = TargetLists.direct(clicked: clicked[row], candidates: candidates[row], n: n)
                guard !queries.isEmpty else { continue }
                let history = batch.history(row)
                rows.append(
                    user: batch.user[row], ts: batch.ts[row], variant: .direct,
                    prompt: serializer.prompt(profile: batch.profile(row), history: history, ts: batch.ts[row], task: "<direct>", count: queries.count),
                    target: serializer.flatTarget(queries), queries: queries, groups: Array(repeating: 0, count: queries.count))
            }
        }
        for batch in think {
            let hintClicks = try batch.allStrings("hint_clicks"), searches = try batch.allStrings("searches")
            let candidates = try batch.allStrings("candidates")
            for row in 0..<batch.count {
                let history = batch.history(row)
                let profile = batch.profile(row)
                let (user, ts) = (batch.user[row], batch.ts[row])
                let targets = TargetLists.think(
                    hintClicks: hintClicks[row], searches: searches[row], candidates: candidates[row], history: history,
                    dimensions: dimensions, n: n)
                if !targets.isEmpty {
                    let groups = TargetLists.groups(targets, history: history, dimensions: dimensions)
                    let queries = groups.flatMap(\.queries)
                    let indices = groups.enumerated().flatMap { g, group in Array(repeating: Int32(g), count: group.queries.count) }
                    rows.append(
                        user: user, ts: ts, variant: .think,
                        prompt: serializer.prompt(profile: profile, history: history, ts: ts, task: "<think>", count: queries.count),
                        target: serializer.thinkTarget(groups, dimensions: dimensions), queries: queries, groups: indices)
                }
                let plain = TargetLists.plain(searches: searches[row], n: n)
                if !plain.isEmpty {
                    rows.append(
                        user: user, ts: ts, variant: .plain,
                        prompt: serializer.prompt(profile: profile, history: history, ts: ts, task: "<direct>", count: plain.count),
                        target: serializer.flatTarget(plain), queries: plain, groups: Array(repeating: 0, count: plain.count))
                }
            }
        }
        return rows
    }
}
