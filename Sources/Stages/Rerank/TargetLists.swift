/// The target query lists of the IL-SFT samples (spec §3, interest-guided label re-ranking) and the
/// Think interest groups.
enum TargetLists {
    /// One Think interest group T_k → Q_k.
    struct Group: Sendable, Equatable {
        /// Indices of the prompt behaviours sharing the group's leaf category (empty: no trigger).
        var triggers: [Int]
        /// The shared leaf category (`nil` for the group of queries that match no behaviour).
        var category: Int64?
        /// The group's queries, in target order.
        var queries: [String]
    }

    /// `lists` concatenated, each query kept at its first occurrence, cut to `n`.
    static func merge(_ lists: [[String]], n: Int) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for list in lists {
            for q in list where !q.isEmpty && seen.insert(q).inserted {
                out.append(q)
                if out.count == n { return out }
            }
        }
        return out
    }

    /// Direct IL-SFT: the clicked hint queries (click order), then the exposure's logged candidates
    /// (ranker order); distinct, cut to `n`.
    static func direct(clicked: [String], candidates: [String], n: Int) -> [String] {
        merge([clicked, candidates], n: n)
    }

    /// Plain SFT (ablation): the day's searched and hint-clicked queries in time order (the search
    /// behaviours of the Think session); distinct, cut to `n`.
    static func plain(searches: [String], n: Int) -> [String] {
        merge([searches], n: n)
    }

    /// Think IL-SFT: the day's hint clicks, then searches, then the exposures' candidates, then the
    /// co-occurrence candidates of the history (``cooccurrence(history:dimensions:)``); distinct, cut to `n`.
    static func think(
        hintClicks: [String], searches: [String], candidates: [String], history: [SessionBatch.Behaviour],
        dimensions: RerankDimensions, n: Int
    ) -> [String] {
        let base = merge([hintClicks, searches, candidates], n: n)
        guard base.count < n else { return base }
        return merge([base, cooccurrence(history: history, dimensions: dimensions)], n: n)
    }

    /// The queries that followed the history's behaviours in the `transitions` table, their counts
    /// summed over the behaviours (a behaviour seen twice counts twice), by summed count descending
    /// then text; only queries whose leaf category is one of the history's categories.
    static func cooccurrence(history: [SessionBatch.Behaviour], dimensions: RerankDimensions) -> [String] {
        let recent = Set(history.map(\.category).filter { $0 >= 0 })
        guard !recent.isEmpty else { return [] }
        var sums: [String: Int64] = [:]
        for behaviour in history {
            for (query, count) in dimensions.transitions[behaviour.key] ?? [] where recent.contains(dimensions.category(of: query)) {
                sums[query, default: 0] += count
            }
        }
        return sums.sorted { a, b in a.value != b.value ? a.value > b.value : Array(a.key.utf8).lexicographicallyPrecedes(b.key.utf8) }
            .map(\.key)
    }

    /// The interest groups of a Think target: each query joins the group of its leaf category when
    /// some prompt behaviour has that category (the group's triggers are those behaviours' indices);
    /// the other queries form one group without trigger. Groups are in the order of their first
    /// query; queries keep their order within a group.
    static func groups(_ queries: [String], history: [SessionBatch.Behaviour], dimensions: RerankDimensions) -> [Group] {
        var out: [Group] = []
        var index: [Int64: Int] = [:]  // category → group; -1 → the group without trigger
        for query in queries {
            let category = dimensions.category(of: query)
            let triggers = category < 0 ? [] : history.indices.filter { history[$0].category == category }
            let key = triggers.isEmpty ? -1 : category
            if let g = index[key] {
                out[g].queries.append(query)
            } else {
                index[key] = out.count
                out.append(Group(triggers: triggers, category: key < 0 ? nil : category, queries: [query]))
            }
        }
        return out
    }
}
