/// Everything shared by all users of a synthetic world, built once from the seed: the category tree,
/// queries, items, the complement graph and the profile priors. Immutable, shared across threads (a
/// class, so passing it around costs one reference count, not one per array).
final class SyntheticWorld: Sendable {
    /// Queries per leaf.
    static let queriesPerLeaf = 40
    /// Items per leaf.
    static let itemsPerLeaf = 24

    /// The category tree.
    let tree: CategoryTree
    /// The queries.
    let queries: QueryCatalog
    /// The items.
    let items: ItemCatalog
    /// Complement links between leaves.
    let complements: ComplementGraph
    /// Profile → leaf distributions.
    let priors: ProfilePriors

    /// Builds the world of `domainCount` domains from `seed`.
    init(domainCount: Int, seed: UInt64) {
        var rng = SplitMix64(seed: SplitMix64.derive(seed, Stream.world))
        tree = CategoryTree(domainCount: domainCount, rng: &rng)
        queries = QueryCatalog(tree: tree, perLeaf: Self.queriesPerLeaf, rng: &rng)
        items = ItemCatalog(tree: tree, perLeaf: Self.itemsPerLeaf, rng: &rng)
        complements = ComplementGraph(tree: tree, rng: &rng)
        priors = ProfilePriors(tree: tree)
    }

    /// Stream numbers for ``SplitMix64/derive(_:_:)``: each independent part draws from its own.
    enum Stream {
        static let world: UInt64 = 1
        static let users: UInt64 = 2 << 40
        static let layout: UInt64 = 3 << 40
        static let badLines: UInt64 = 4 << 40
        static let dims: UInt64 = 5 << 40
        static let names: UInt64 = 6 << 40
    }
}
