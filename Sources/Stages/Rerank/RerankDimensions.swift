import Columnar

/// What rerank looks up besides the sessions: leaf categories of queries (`queries`), parents of
/// categories (`categories`) and the co-occurrence table (`transitions`).
struct RerankDimensions: Sendable {
    /// Leaf category of each known query (unclassified queries are absent).
    var queryCategory: [String: Int64] = [:]
    /// Parent of each category that has one.
    var parent: [Int64: Int64] = [:]
    /// Every category of the tree, ascending (their `<cat:ID>` tokens are in the vocabulary).
    var categories: [Int64] = []
    /// Per trigger (`search:<q>`, `item:<id>`): the queries that followed it, with counts.
    var transitions: [String: [(query: String, count: Int64)]] = [:]

    /// Empty dimensions.
    init() {}

    /// Reads the snapshots from the stage's input files.
    init(queries: [String], categories categoryFiles: [String], transitions transitionFiles: [String]) throws {
        let q = try DatasetFiles.readAll(queries, schema: SessionDimensions.subSchema(DatasetSchemas.queries, ["query", "category"]))
        let texts = try q.strings("query"), cats = try q.optionalInt64s("category")
        for i in 0..<texts.count { if let c = cats[i] { queryCategory[texts.string(at: i)] = queryCategory[texts.string(at: i)] ?? c } }

        let c = try DatasetFiles.readAll(categoryFiles, schema: SessionDimensions.subSchema(DatasetSchemas.categories, ["category", "parent"]))
        let ids = try c.int64s("category"), parents = try c.optionalInt64s("parent")
        for i in ids.indices { if let p = parents[i] { parent[ids[i]] = p } }
        categories = Array(Set(ids)).sorted()

        let t = try DatasetFiles.readAll(transitionFiles, schema: DatasetSchemas.transitions)
        let triggers = try t.strings("trigger"), followers = try t.strings("query"), counts = try t.int64s("count")
        for i in 0..<triggers.count {
            transitions[triggers.string(at: i), default: []].append((followers.string(at: i), counts[i]))
        }
    }

    /// The leaf category of `query`, -1 when unknown.
    func category(of query: String) -> Int64 { queryCategory[query] ?? -1 }
}
