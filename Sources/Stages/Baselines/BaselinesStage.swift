import Columnar
import Foundation
public import PipelineCore

/// `baselines` (per day): the traditional recommenders of spec §7 for the next day, and the
/// window's `transitions` table.
///
/// Inputs: `events` (a window of days ending on the task's day D), `behaviors` (day D), `queries`
/// (day D; read by no baseline today, kept so the lists can be filtered later), `truth` (day D+1,
/// optional). Outputs, one `part-00000.parquet` each (none when a table has no rows), sorted by user
/// then rank (ranks from 1):
/// - `u2q_popularity`: only the `user = -1` default list: the top-K queries by query actions
///   (searches, and hint clicks without their search) over the window, a day d days before D
///   weighing `popularity_decay^d`; score = the weighted count.
/// - `u2q_user_history`: each user's own distinct queries of the window, most recent first, at most
///   K, no padding, no default list; score = epoch milliseconds of the last use.
/// - `u2q_cooccurrence`: ``CooccurrenceRecall`` from `behaviors` and `transitions`, padded with
///   popularity (score 0) to K; `-1` rows = the popularity list.
/// - `u2q_oracle`: the truth's lists of D+1 (``OracleTruth``); no rows without a truth partition.
/// - `transitions`: per trigger (`search:<query>`, `item:<id>`), the queries the same user searched
///   or hint-clicked strictly later the same day (within `max_gap_minutes` when set; the trigger's
///   own query excluded), counted once per (user, day, trigger, query); top `transitions_top`.
public struct BaselinesStage: Stage {
    /// The kind `baselines`.
    public static let kind = StageKindInfo(
        name: "baselines", codeVersion: 1,
        params: [
            ParamSpec("k", .int, default: 30, description: "Queries per list (K)."),
            ParamSpec("popularity_decay", .double, default: 0.8, description: "Popularity weight of a day d days before the task's day: decay^d (1 = no decay)."),
            ParamSpec("cooccurrence_decay", .double, default: 0.8, description: "Co-occurrence weight of the i-th most recent behaviour (0 = newest): decay^i."),
            ParamSpec("cooccurrence_normalize", .bool, default: true, description: "Divide a trigger's votes by its total count (P(query | trigger))."),
            ParamSpec("transitions_top", .int, default: 50, description: "Queries kept per trigger in transitions."),
            ParamSpec("max_gap_minutes", .int, default: 0, description: "Longest time from a trigger to a later query that counts as a transition (0 = the rest of the day)."),
        ],
        description: "Popularity, user-history, co-occurrence and oracle lists for the next day, and the transitions table (spec §7).")

    /// Creates the stage.
    public init() {}

    /// Builds the five tables of the task's day.
    public func run(_ context: StageContext) throws -> StageResult {
        let day = try context.requireDay()
        let k = try context.intParam("k")
        let popularityDecay = try context.doubleParam("popularity_decay")
        let cooccurrenceDecay = try context.doubleParam("cooccurrence_decay")
        let top = try context.intParam("transitions_top")
        let maxGap = try context.intParam("max_gap_minutes")
        guard k >= 1 else { throw StageError(.badParam, "param k of stage '\(context.spec.name)' is \(k); use 1 or more") }
        guard top >= 1 else { throw StageError(.badParam, "param transitions_top of stage '\(context.spec.name)' is \(top); use 1 or more") }
        guard maxGap >= 0 else { throw StageError(.badParam, "param max_gap_minutes of stage '\(context.spec.name)' is \(maxGap); use 0 (no limit) or more") }
        for (name, value) in [("popularity_decay", popularityDecay), ("cooccurrence_decay", cooccurrenceDecay)] where !(value > 0 && value <= 1) {
            throw StageError(.badParam, "param \(name) of stage '\(context.spec.name)' is \(value); use a number in (0, 1]")
        }

        let window = try WindowSummary.read(
            files: context.files(of: "events"), day: day, popularityDecay: popularityDecay, historyLimit: k,
            maxGap: Int64(maxGap) * 60_000, threads: context.threads)
        let popular = window.popular(k: k)
        let transitions = TransitionTable(window, limit: top)
        var rowsOut = 0

        var popularity = U2QRows()
        popularity.append(user: -1, popular)
        rowsOut += try popularity.write(into: context.outputFolder("u2q_popularity"))

        var history = U2QRows()
        for user in window.history.keys.sorted() {
            history.append(user: user, window.historyList(of: user).map { ($0.query, Double($0.ts)) })
        }
        rowsOut += try history.write(into: context.outputFolder("u2q_user_history"))

        let recall = CooccurrenceRecall(
            transitions: transitions, popularity: popular, k: k, decay: cooccurrenceDecay,
            normalize: try context.boolParam("cooccurrence_normalize"))
        rowsOut += try recall.rows(behaviorFiles: context.files(of: "behaviors"), threads: context.threads)
            .write(into: context.outputFolder("u2q_cooccurrence"))

        rowsOut += try OracleTruth.rows(truthFiles: context.files(of: "truth"), day: Day.adding(1, to: day), k: k)
            .write(into: context.outputFolder("u2q_oracle"))

        let table = try transitions.batch()
        if table.rowCount > 0 {
            rowsOut += try DatasetFiles.write(table, to: context.outputFolder("transitions") + "/part-00000.parquet")
        }
        return StageResult(rowsIn: window.rowsIn, rowsOut: rowsOut)
    }
}
