import Columnar

/// What the CTR features look up in the day's dimension snapshots: the leaf category of a query
/// (`queries`) and of an item (`items`), and the parent of a category (`categories`).
/// Unknown values are -1, as in ``DatasetSchemas/historyFields``.
struct CTRDimensions: Sendable {
    private var queryLeaf: [String: Int64] = [:]
    private var itemIndex = Int64Index([])
    private var itemLeaf: [Int64] = []
    private var parents: [Int64: Int64] = [:]

    /// No dimensions: every query, item and parent unknown.
    init() {}

    /// Reads the snapshots from the task's input files (any of them may be empty).
    init(queries: [String], items: [String], categories: [String]) throws {
        let q = try DatasetFiles.readAll(queries, schema: SessionDimensions.subSchema(DatasetSchemas.queries, ["query", "category"]))
        let texts = try q.strings("query"), leaves = try q.optionalInt64s("category")
        queryLeaf.reserveCapacity(texts.count)
        for i in 0..<texts.count {
            if let leaf = leaves[i] { queryLeaf[texts.string(at: i)] = queryLeaf[texts.string(at: i)] ?? leaf }
        }
        let it = try DatasetFiles.readAll(items, schema: SessionDimensions.subSchema(DatasetSchemas.items, ["item", "category"]))
        itemIndex = Int64Index(try it.int64s("item"))
        itemLeaf = try it.int64s("category")
        let c = try DatasetFiles.readAll(categories, schema: SessionDimensions.subSchema(DatasetSchemas.categories, ["category", "parent"]))
        let ids = try c.int64s("category"), ps = try c.optionalInt64s("parent")
        for i in ids.indices { if let p = ps[i] { parents[ids[i]] = parents[ids[i]] ?? p } }
    }

    /// The leaf category of a normalised query, -1 when unknown.
    func leaf(ofQuery query: String) -> Int64 { queryLeaf[query] ?? -1 }

    /// The leaf category of an item, -1 when the item is not in the catalogue.
    func leaf(ofItem item: Int64) -> Int64 { itemIndex.row(of: item).map { itemLeaf[$0] } ?? -1 }

    /// The parent of `category`, -1 for a root, an unknown category or -1.
    func parent(of category: Int64) -> Int64 { category < 0 ? -1 : parents[category] ?? -1 }
}
