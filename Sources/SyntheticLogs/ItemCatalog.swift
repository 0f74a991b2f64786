import Foundation

/// The item catalogue of a synthetic world: `perLeaf` items per leaf, titled the way queries are
/// composed (brand + modifier + product type + a title-only extra such as a size, "27\"" or a colour;
/// some in Chinese), so a clicked item's title shares words with the searches that led to it. Items of
/// a leaf are stored in popularity rank order (Zipf 0.9 over search results). Ids are sparse.
struct ItemCatalog: Sendable {
    /// The Zipf exponent of clicks over a leaf's items.
    static let clickExponent = 0.9

    /// Item ids written to the logs.
    let ids: [Int64]
    /// The leaf index of each item.
    let leaf: [Int32]
    /// The brand index (within the domain) of each item's title, −1 for none.
    let brand: [Int8]
    /// Titles.
    let titles: [String]
    /// List prices in cents.
    let priceCents: [Int]
    /// Items per leaf.
    let perLeaf: Int
    /// Draws an item rank within a leaf.
    let rankTable: WeightedTable

    /// Builds `perLeaf` items for every leaf of `tree`.
    init(tree: CategoryTree, perLeaf: Int, rng: inout SplitMix64) {
        self.perLeaf = perLeaf
        var usedIDs = Set<Int64>()
        var ids: [Int64] = []
        var leafOf: [Int32] = []
        var brands: [Int8] = []
        var titles: [String] = []
        var prices: [Int] = []
        for (l, leaf) in tree.leaves.enumerated() {
            let domain = Taxonomy.domains[leaf.domain]
            for _ in 0..<perLeaf {
                var id: Int64
                repeat { id = Int64(100_000 + rng.below(99_900_000)) } while !usedIDs.insert(id).inserted
                let b = rng.below(domain.brands.count)
                let withBrand = rng.chance(0.8)
                var words: [String] = []
                if rng.chance(0.08) {
                    if withBrand { words.append(domain.brands[b]) }
                    words.append(Taxonomy.chinesePrefixes[rng.below(Taxonomy.chinesePrefixes.count)] + leaf.chinese)
                    words.append(Taxonomy.chineseSuffixes[rng.below(Taxonomy.chineseSuffixes.count)])
                } else {
                    if withBrand { words.append(domain.brands[b]) }
                    if !withBrand || rng.chance(0.7) { words.append(domain.modifiers[rng.below(domain.modifiers.count)]) }
                    words.append(leaf.english)
                    if rng.chance(0.6) { words.append(domain.titleExtras[rng.below(domain.titleExtras.count)]) }
                }
                let cents = Double(leaf.priceCents) * exp(0.35 * rng.normal())
                let dollars = max(0, Int(cents / 100))
                ids.append(id)
                leafOf.append(Int32(l))
                brands.append(withBrand ? Int8(b) : -1)
                titles.append(words.joined(separator: " "))
                prices.append(rng.chance(0.7) ? dollars * 100 + 99 : max(1, dollars) * 100)
            }
        }
        self.ids = ids
        leaf = leafOf
        brand = brands
        self.titles = titles
        priceCents = prices
        rankTable = WeightedTable.zipf(count: perLeaf, exponent: Self.clickExponent)
    }
}
