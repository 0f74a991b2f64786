import Columnar
import Foundation
import LookupFormat
public import PipelineCore

/// The `export` stage (spec §8): publishes the day's u2q (and x2q) as versioned lookup tables under
/// `<workspace>/exports/<table>/<version>/` and switches each table's `CURRENT` to it.
///
/// Per table: `table.parquet` (the source schema, `n` queries per key, ranks 1…), `lookup.sqlite`
/// (``LookupTableWriter``; u2q's `user = -1` default list under the key ``LookupTable/defaultKey``,
/// `*`) and `_MANIFEST.json`, written into a hidden staging folder, fsynced, renamed to
/// `<day>-<first 12 hex of sha256(table.parquet)>`. An identical existing version is reused, so a
/// rerun changes nothing. `CURRENT` switches unless it names a later day's version (a backfill never
/// regresses what is served); each switch is appended to `HISTORY`. The receipt (`receipt.json`)
/// goes into the `export_receipts` output folder.
///
/// The exports are the one place a stage writes outside its output folders: the version folders are
/// content-addressed and immutable, and `CURRENT` is what serving follows.
public struct ExportStage: Stage {
    /// The kind's declaration.
    public static let kind = StageKindInfo(
        name: "export", codeVersion: 2,
        params: [
            ParamSpec("u2q_method", .string, default: "direct",
                description: "Method whose list becomes the u2q table: reads u2q_<method> (u2q for direct, the model's table)."),
            ParamSpec("u2q_fallback", .string, default: "cooccurrence",
                description: "Method exported instead when u2q_method's dataset has no rows for the day (\"\" = fail)."),
            ParamSpec("x2q_dataset", .string, default: "x2q",
                description: "Dataset exported as x2q when the stage reads it and it has files for the day."),
            ParamSpec("n", .int, default: 10, description: "Queries kept per user or trigger (1…1000)."),
            ParamSpec("popular_dataset", .string, default: "",
                description: "Dataset whose user -1 default list is exported as the popular table (the day's popular queries that aigq serve tops unknown users up with); \"\" = none."),
            ParamSpec("popular_n", .int, default: 100, description: "Queries kept in the popular table (1…1000)."),
        ],
        description: "Publishes u2q/x2q/popular as versioned lookup tables and switches CURRENT (spec §8).")

    /// Creates the stage.
    public init() {}

    public func run(_ context: StageContext) throws -> StageResult {
        let day = try context.requireDay()
        let n = try context.intParam("n")
        guard (1...1000).contains(n) else {
            throw StageError(.badParam, "param 'n' of stage '\(context.spec.name)' is \(n); use 1…1000")
        }
        let receiptFolder = try context.outputFolder("export_receipts")
        var receipt = ExportReceipt(day: day, tables: [])
        var rowsIn = 0
        for source in try ExportTableSource.sources(of: context) {
            let (table, read) = try export(source, day: day, n: n, context: context)
            receipt.tables.append(table)
            rowsIn += read
        }
        try DatasetFiles.write(text: receipt.json(), to: receiptFolder + "/receipt.json")
        return StageResult(rowsIn: rowsIn, rowsOut: receipt.tables.reduce(0) { $0 + $1.rows })
    }

    /// Exports one table; returns its receipt entry and the rows read.
    private func export(
        _ source: ExportTableSource, day: String, n: Int, context: StageContext
    ) throws -> (ExportReceipt.Table, Int) {
        let limit = source.limit ?? n
        var lists = try ExportLists(source, files: context.files(of: source.dataset), n: limit, threads: context.threads)
        if source.defaultListOnly {
            lists.groups = lists.groups.filter { $0.key == LookupTable.defaultKey }
            guard !lists.groups.isEmpty else {
                throw StageError(.badInput, "\(source.dataset) has no user -1 (default) list for \(day); nothing to export as \(source.table) (rerun the stage that writes \(source.dataset))")
            }
        }
        guard !lists.groups.isEmpty else {
            throw StageError(.badInput, "\(source.dataset) has no rows for \(day); nothing to export as \(source.table) (rerun the stage that writes \(source.dataset))")
        }
        do {
            let folder = try ExportFolder(exports: context.workspace + "/exports", table: source.table)
            try folder.removeLeftovers()
            let staging = try folder.makeStaging(label: day)
            do {
                let manifest = try write(lists, of: source, day: day, n: limit, into: staging)
                let commit = try folder.commit(staging: staging, manifest: manifest)
                let outcome = try folder.switchCurrent(to: manifest.version, action: .export, unlessLaterDay: true)
                let table = ExportReceipt.Table(
                    table: source.table, version: manifest.version, rows: manifest.rows, keys: manifest.keys,
                    sourceDataset: source.dataset, path: "exports/\(source.table)/\(manifest.version)",
                    commit: commit.rawValue, switched: outcome.switched, current: try folder.current() ?? manifest.version)
                return (table, lists.rowsIn)
            } catch {
                try? folder.discard(staging: staging)
                throw error
            }
        } catch let error as LookupError {
            throw StageError(.io, "export of \(source.table) for \(day): \(error.message)")
        }
    }

    /// Writes `table.parquet` and `lookup.sqlite` into `staging`; returns the version's manifest.
    private func write(
        _ lists: ExportLists, of source: ExportTableSource, day: String, n: Int, into staging: String
    ) throws -> ExportManifest {
        let tablePath = staging + "/table.parquet"
        try DatasetFiles.write(lists.batch(source), to: tablePath)
        let tableFile = try ExportManifest.File(describing: tablePath)
        let version = VersionName(day: day, sha256Hex: tableFile.sha256).description
        let lookupPath = staging + "/" + ExportFolder.lookupFileName
        let writer = try LookupTableWriter(path: lookupPath, table: source.table, version: version, sourceDay: day)
        for group in lists.lookupOrder { try writer.append(key: group.key, entries: group.entries) }
        let meta = try writer.finish()
        return ExportManifest(
            table: source.table, version: version, rows: meta.rows, keys: meta.keys, rowsPerKey: n,
            sourceDataset: source.dataset, sourceMethod: source.method, sourceDay: day,
            created: ExportManifest.endOfDay(day), files: [tableFile, try ExportManifest.File(describing: lookupPath)])
    }
}
