/// Every query of a synthetic world. Each leaf owns `perLeaf` queries composed from the taxonomy's
/// word lists — the bare product type, modifier + type, brand + type, brand + modifier + type, type +
/// suffix, and about one in eight in Chinese ("防水帐篷", "northpeak 帐篷") — stored contiguously in
/// popularity rank order: rank r of a leaf is drawn with Zipf weight `1/(r+1)^1.1`, so a few queries
/// dominate each leaf while the tail stays long. Queries are unique across the world and already in
/// normalised form (lower case, single spaces), so a query names exactly one leaf; no query repeats a
/// word ("smart smart bulb" is never made).
struct QueryCatalog: Sendable {
    /// The Zipf exponent of popularity within a leaf.
    static let withinLeafExponent = 1.1
    /// Number of brands per domain (the taxonomy's brand lists all have this length).
    static let brandsPerDomain = 8

    /// Query texts, leaf by leaf, rank order inside a leaf.
    let texts: [String]
    /// The UTF-8 bytes of all queries, one after the other (query q is `utf8[offsets[q]..<offsets[q + 1]]`).
    let utf8: [UInt8]
    /// Where each query's bytes start in ``utf8`` (one more entry than queries).
    let offsets: [Int]
    /// The leaf index of each query.
    let leaf: [Int32]
    /// The brand index (within the leaf's domain) a query names, −1 for none.
    let brand: [Int8]
    /// Whether the query is listed in `queries.jsonl` (a few are not: their category is unknown).
    let inDictionary: [Bool]
    /// Queries per leaf.
    let perLeaf: Int
    /// Zipf weight of each rank within a leaf (sums to one).
    let rankWeights: [Double]
    /// Draws a rank within a leaf.
    let rankTable: WeightedTable
    /// Draws a query by global popularity: leaf popularity × rank weight.
    let globalTable: WeightedTable
    /// Global popularity of each query (sums to one).
    let globalWeight: [Double]
    /// The most popular queries by ``globalWeight``, best first.
    let globalTop: [Int32]
    /// `brandWeight[leaf * brandsPerDomain + b]`: the rank weight held by the leaf's queries naming brand b.
    let brandWeight: [Double]

    /// The UTF-8 bytes of query `q`.
    func bytes(_ q: Int) -> ArraySlice<UInt8> { utf8[offsets[q]..<offsets[q + 1]] }

    /// The first query index of `leaf`.
    @inline(__always)
    func first(of leaf: Int) -> Int { leaf * perLeaf }

    /// Builds `perLeaf` queries for every leaf of `tree`.
    init(tree: CategoryTree, perLeaf: Int, rng: inout SplitMix64) {
        self.perLeaf = perLeaf
        var seen = Set<String>()
        var texts: [String] = []
        var leafOf: [Int32] = []
        var brandOf: [Int8] = []
        var listed: [Bool] = []
        for (l, leaf) in tree.leaves.enumerated() {
            let domain = Taxonomy.domains[leaf.domain]
            var made: [(String, Int8)] = [(leaf.english, -1)]
            seen.insert(leaf.english)
            var attempts = 0
            while made.count < perLeaf {
                attempts += 1
                let (text, brand) = Self.compose(leaf: leaf, domain: domain, relaxed: attempts > 400, rng: &rng)
                let words = text.split(separator: " ")
                if Set(words).count == words.count && seen.insert(text).inserted { made.append((text, brand)) }
                if attempts > 5000 {  // the word lists cannot give more: number the rest
                    let text = "\(leaf.english) \(domain.modifiers[0]) \(made.count)"
                    if seen.insert(text).inserted { made.append((text, -1)) }
                }
            }
            // Rank 0 stays the bare product type; the rest get random ranks.
            var rest = Array(made.dropFirst())
            for i in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(i, rng.below(i + 1)) }
            for (rank, entry) in ([made[0]] + rest).enumerated() {
                texts.append(entry.0)
                leafOf.append(Int32(l))
                brandOf.append(entry.1)
                listed.append(rank == 0 || !rng.chance(0.03))
            }
        }
        self.texts = texts
        var utf8: [UInt8] = []
        var offsets = [0]
        for text in texts {
            utf8.append(contentsOf: text.utf8)
            offsets.append(utf8.count)
        }
        self.utf8 = utf8
        self.offsets = offsets
        leaf = leafOf
        brand = brandOf
        inDictionary = listed
        rankWeights = WeightedTable.zipfWeights(count: perLeaf, exponent: Self.withinLeafExponent)
        rankTable = WeightedTable(rankWeights)
        var global = [Double](repeating: 0, count: texts.count)
        var brandWeight = [Double](repeating: 0, count: tree.leaves.count * Self.brandsPerDomain)
        for q in texts.indices {
            let l = Int(leafOf[q])
            let w = rankWeights[q - l * perLeaf]
            global[q] = tree.leaves[l].popularity * w
            if brandOf[q] >= 0 { brandWeight[l * Self.brandsPerDomain + Int(brandOf[q])] += w }
        }
        let total = global.reduce(0, +)
        globalWeight = global.map { $0 / total }
        globalTable = WeightedTable(global)
        globalTop = global.indices.sorted { global[$0] != global[$1] ? global[$0] > global[$1] : $0 < $1 }
            .prefix(64).map { Int32($0) }
        self.brandWeight = brandWeight
    }

    /// One composed query for `leaf` and the brand it names (−1 for none).
    private static func compose(
        leaf: CategoryTree.Leaf, domain: TaxonomyDomain, relaxed: Bool, rng: inout SplitMix64
    ) -> (String, Int8) {
        let t = leaf.english
        let b = rng.below(domain.brands.count)
        let brand = domain.brands[b]
        let mod = domain.modifiers[rng.below(domain.modifiers.count)]
        let suffix = Taxonomy.suffixes[rng.below(Taxonomy.suffixes.count)]
        let u = rng.unit()
        switch u {
        case ..<0.22: return ("\(mod) \(t)", -1)
        case ..<0.42: return ("\(brand) \(t)", Int8(b))
        case ..<0.52: return ("\(brand) \(mod) \(t)", Int8(b))
        case ..<0.58:
            let mod2 = domain.modifiers[rng.below(domain.modifiers.count)]
            return mod2 == mod ? ("\(mod) \(t)", -1) : ("\(mod) \(mod2) \(t)", -1)
        case ..<0.66: return ("\(t) \(suffix)", -1)
        case ..<0.71: return ("\(Taxonomy.commonModifiers[rng.below(Taxonomy.commonModifiers.count)]) \(t)", -1)
        case ..<0.76: return ("\(brand) \(t) \(suffix)", Int8(b))
        case ..<(relaxed ? 0.80 : 0.88): return ("\(mod) \(t) \(suffix)", -1)
        default: return chinese(leaf: leaf, brand: brand, brandIndex: b, rng: &rng)
        }
    }

    /// A Chinese query for `leaf`, sometimes with a Latin brand in front.
    private static func chinese(leaf: CategoryTree.Leaf, brand: String, brandIndex: Int, rng: inout SplitMix64) -> (String, Int8) {
        let z = leaf.chinese
        let prefix = Taxonomy.chinesePrefixes[rng.below(Taxonomy.chinesePrefixes.count)]
        let suffix = Taxonomy.chineseSuffixes[rng.below(Taxonomy.chineseSuffixes.count)]
        switch rng.below(6) {
        case 0: return (z, -1)
        case 1, 2: return ("\(prefix)\(z)", -1)
        case 3: return ("\(z) \(suffix)", -1)
        case 4: return ("\(brand) \(z)", Int8(brandIndex))
        default: return ("\(prefix)\(z) \(suffix)", -1)
        }
    }
}
