import Foundation

/// The category tree of a synthetic world: top-level domains, mid-level groups and leaf product types,
/// taken from the front of ``Taxonomy`` so a smaller world is a coherent part of the full one.
///
/// Ids are sparse and unrelated to depth (the raw contract promises no id ranges): each category gets
/// a distinct id drawn from `10…99_999`.
struct CategoryTree: Sendable {
    /// One leaf category: the unit of interest, queries and items.
    struct Leaf: Sendable {
        /// The category id written to the logs.
        let id: Int64
        /// Index of the domain in ``Taxonomy/domains``.
        let domain: Int
        /// Index of the mid-level group among ``CategoryTree/groups``.
        let group: Int
        /// English product type ("sleeping bag").
        let english: String
        /// Chinese product type ("睡袋").
        let chinese: String
        /// Gender lean of the leaf's audience (−1 women … +1 men).
        let genderLean: Double
        /// Age at which interest in the leaf peaks.
        let ageCenter: Double
        /// Global popularity weight of the leaf (Zipf over a random order), the base of every prior.
        let popularity: Double
        /// The typical item price of the leaf, in cents.
        let priceCents: Int
    }

    /// One non-leaf category (a domain or a group).
    struct Node: Sendable {
        /// The category id.
        let id: Int64
        /// The parent's id; nil for a domain.
        let parent: Int64?
        /// The category name.
        let name: String
    }

    /// The domains taken (indices into ``Taxonomy/domains``).
    let domains: [Int]
    /// Every category as `categories.jsonl` lists it: domains and groups in tree order, then leaves.
    let nodes: [Node]
    /// Group index → the index of its domain.
    let groups: [Int]
    /// The leaves, grouped by group, groups in domain order.
    let leaves: [Leaf]

    /// The first `domainCount` domains of the taxonomy (1…20), all their groups and leaves.
    init(domainCount: Int, rng: inout SplitMix64) {
        let taken = Array(Taxonomy.domains.indices.prefix(max(1, domainCount)))
        var usedIDs = Set<Int64>()
        func freshID() -> Int64 {
            while true {
                let id = Int64(10 + rng.below(99_990))
                if usedIDs.insert(id).inserted { return id }
            }
        }
        var nodes: [Node] = []
        var groups: [Int] = []
        var pending: [(domain: Int, group: Int, parent: Int64, english: String, chinese: String)] = []
        for d in taken {
            let domain = Taxonomy.domains[d]
            let domainID = freshID()
            nodes.append(Node(id: domainID, parent: nil, name: domain.name))
            for group in domain.groups {
                let groupID = freshID()
                nodes.append(Node(id: groupID, parent: domainID, name: group.name))
                for leaf in group.leaves {
                    pending.append((d, groups.count, groupID, leaf.english, leaf.chinese))
                }
                groups.append(d)
            }
        }
        // Leaf popularity: Zipf (exponent 0.7) over a random order of the leaves.
        var order = Array(pending.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        var popularity = [Double](repeating: 0, count: pending.count)
        let weights = WeightedTable.zipfWeights(count: pending.count, exponent: 0.7)
        for (rank, index) in order.enumerated() { popularity[index] = weights[rank] }
        var leaves: [Leaf] = []
        var leafNodes: [Node] = []
        for (i, p) in pending.enumerated() {
            let domain = Taxonomy.domains[p.domain]
            let id = freshID()
            let price = domain.priceScale * exp(0.6 * rng.normal())
            leaves.append(Leaf(
                id: id, domain: p.domain, group: p.group, english: p.english, chinese: p.chinese,
                genderLean: domain.genderLean + 0.3 * rng.normal(), ageCenter: domain.ageCenter + 5 * rng.normal(),
                popularity: popularity[i], priceCents: max(99, Int(price * 100))))
            leafNodes.append(Node(id: id, parent: p.parent, name: p.english))
        }
        domains = taken
        self.nodes = nodes + leafNodes
        self.groups = groups
        self.leaves = leaves
    }
}
