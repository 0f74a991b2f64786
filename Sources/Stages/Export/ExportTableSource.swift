import Columnar
import LookupFormat
import PipelineCore

/// One table the export stage writes, and the input dataset it comes from.
///
/// Data-driven by the stage's params and inputs: `u2q` from `u2q_<u2q_method>` (or `u2q`, the model's
/// own dataset, when the method is `direct`), or from `u2q_<u2q_fallback>` when that has no rows for the
/// day (a model not trained yet: the first days of a new workspace); `x2q` from the dataset named by `x2q_dataset` when the
/// stage lists it among its inputs and it has files for the day; `popular` (the day's popular
/// queries, which the server tops unknown users' lists up with) from the `user = -1` default list of
/// the dataset named by `popular_dataset` (`u2q_popularity` in the daily pipeline; `""`: no such table).
struct ExportTableSource: Hashable, Sendable {
    /// How the table's rows are keyed.
    enum Key: Hashable, Sendable {
        /// By user id (`user`, int64); `-1` is the default list, stored under ``LookupTable/defaultKey``.
        case user
        /// By trigger (`trigger`, string: `search:<query>`, `item:<id>`).
        case trigger
    }

    /// The exported table's name.
    var table: String
    /// The input dataset.
    var dataset: String
    /// The method that produced the dataset, for the manifest (`nil` for x2q).
    var method: String?
    /// How rows are keyed.
    var key: Key
    /// Keep only the default list (``LookupTable/defaultKey``): the `popular` table.
    var defaultListOnly = false
    /// Queries kept per key when not the stage's `n`.
    var limit: Int?

    /// The schema the dataset is read with.
    var schema: Schema { key == .user ? DatasetSchemas.u2q : DatasetSchemas.x2q }

    /// The key column's name.
    var keyColumn: String { key == .user ? "user" : "trigger" }

    /// The tables to export for `context`: u2q always, x2q when present.
    static func sources(of context: StageContext) throws -> [ExportTableSource] {
        let method = try context.stringParam("u2q_method")
        try requireName(method, param: "u2q_method", context)
        var u2q = ExportTableSource(
            table: "u2q", dataset: method == "direct" ? "u2q" : "u2q_" + method, method: method, key: .user)
        guard context.spec.inputs.contains(u2q.dataset) else {
            throw StageError(.badParam, "stage '\(context.spec.name)' exports u2q from '\(u2q.dataset)' (u2q_method \(method)) but does not list it under inputs; add it or change u2q_method")
        }
        let fallback = try context.stringParam("u2q_fallback")
        if !fallback.isEmpty, DatasetFiles.parquet(context.files(of: u2q.dataset)).isEmpty {
            try requireName(fallback, param: "u2q_fallback", context)
            u2q = ExportTableSource(table: "u2q", dataset: "u2q_" + fallback, method: fallback, key: .user)
            guard context.spec.inputs.contains(u2q.dataset) else {
                throw StageError(.badParam, "stage '\(context.spec.name)' falls back to '\(u2q.dataset)' (u2q_fallback \(fallback)) but does not list it under inputs; add it or set u2q_fallback to \"\"")
            }
        }
        var sources = [u2q]
        let x2qDataset = try context.stringParam("x2q_dataset")
        try requireName(x2qDataset, param: "x2q_dataset", context)
        if context.spec.inputs.contains(x2qDataset), !DatasetFiles.parquet(context.files(of: x2qDataset)).isEmpty {
            sources.append(ExportTableSource(table: "x2q", dataset: x2qDataset, method: nil, key: .trigger))
        }
        let popularDataset = try context.stringParam("popular_dataset")
        if !popularDataset.isEmpty {
            try requireName(popularDataset, param: "popular_dataset", context)
            guard context.spec.inputs.contains(popularDataset) else {
                throw StageError(.badParam, "stage '\(context.spec.name)' exports popular from '\(popularDataset)' (popular_dataset) but does not list it under inputs; add it or set popular_dataset to \"\"")
            }
            let limit = try context.intParam("popular_n")
            guard (1...1000).contains(limit) else {
                throw StageError(.badParam, "param 'popular_n' of stage '\(context.spec.name)' is \(limit); use 1…1000")
            }
            if !DatasetFiles.parquet(context.files(of: popularDataset)).isEmpty {
                sources.append(ExportTableSource(
                    table: "popular", dataset: popularDataset, method: nil, key: .user, defaultListOnly: true, limit: limit))
            }
        }
        return sources
    }

    private static func requireName(_ name: String, param: String, _ context: StageContext) throws {
        guard ExportFolder.isValidTableName(name) else {
            throw StageError(.badParam, "param '\(param)' of stage '\(context.spec.name)' is '\(name)'; use a dataset name of lower-case letters, digits and _ (e.g. cooccurrence)")
        }
    }
}
