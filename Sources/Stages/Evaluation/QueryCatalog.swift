import Columnar

/// The known queries of a day (`queries` dims: the dictionary and every query seen in the logs) and
/// their leaf categories.
struct QueryCatalog {
    /// Query → leaf category (`nil` when unknown).
    private(set) var categories: [String: Int64?] = [:]

    /// The catalog of the `queries` shards `files`.
    init(files: [String]) throws {
        let schema = Schema(DatasetSchemas.queries.fields.filter { ["query", "category"].contains($0.name) })
        for file in DatasetFiles.parquet(files) {
            for batch in try DatasetFiles.read(file, schema: schema) {
                let queries = try batch.strings("query")
                let leaves = try batch.optionalInt64s("category")
                for row in 0..<batch.rowCount { categories[queries.string(at: row)] = leaves[row] }
            }
        }
    }

    /// Whether `query` is known.
    func isKnown(_ query: String) -> Bool { categories[query] != nil }

    /// The leaf category of `query`, if known.
    func category(of query: String) -> Int64? { categories[query] ?? nil }
}
