/// Writes prompts and targets as token lists (spec §3, design note "Tokens"):
///
/// - prompt: `<bos> <g:…> <age:…> <tier:…>`, then per behaviour `<bI> <tX> <search|click> words…`,
///   then `<direct|think> <nK>` (K = the number of target queries);
/// - flat target (Direct, plain): `words <q> words <q> … <eos>`;
/// - Think target: per group `<trig> <bI>… </trig> <why> <cat:leaf> <cat:parent> </why> words <q> …`,
///   then `<eos>` (the group without trigger has empty `<trig> </trig>` and `<why> </why>`).
///
/// Word tokens of repeated texts come from a cache, so one serialiser serves one bucket.
struct SampleSerializer {
    private var cache: [String: [String]] = [:]

    /// The word tokens of `text` (cached).
    mutating func words(_ text: String) -> [String] {
        if let hit = cache[text] { return hit }
        let words = WordTokenizer.words(text)
        cache[text] = words
        return words
    }

    /// The prompt of a sample at `ts`.
    mutating func prompt(
        profile: SessionDimensions.Profile, history: [SessionBatch.Behaviour], ts: Int64, task: String, count: Int
    ) -> [String] {
        var out = ["<bos>", SpecialTokens.gender(profile.gender), SpecialTokens.age(profile.age), SpecialTokens.tier(profile.cityTier)]
        for (i, behaviour) in history.enumerated() {
            out.append(SpecialTokens.behaviour(i))
            out.append(SpecialTokens.timeBucket(sampleTs: ts, behaviourTs: behaviour.ts))
            out.append(behaviour.isSearch ? "<search>" : "<click>")
            out += words(behaviour.text)
        }
        out.append(task)
        out.append(SpecialTokens.count(count))
        return out
    }

    /// The target of a flat query list.
    mutating func flatTarget(_ queries: [String]) -> [String] {
        var out: [String] = []
        for query in queries {
            out += words(query)
            out.append("<q>")
        }
        out.append("<eos>")
        return out
    }

    /// The target of Think interest groups.
    mutating func thinkTarget(_ groups: [TargetLists.Group], dimensions: RerankDimensions) -> [String] {
        var out: [String] = []
        for group in groups {
            out.append("<trig>")
            out += group.triggers.map(SpecialTokens.behaviour)
            out.append("</trig>")
            out.append("<why>")
            if let category = group.category {
                out.append(SpecialTokens.category(category))
                if let parent = dimensions.parent[category] { out.append(SpecialTokens.category(parent)) }
            }
            out.append("</why>")
            for query in group.queries {
                out += words(query)
                out.append("<q>")
            }
        }
        out.append("<eos>")
        return out
    }
}
