import CTRModel
import Columnar
import Foundation
public import PipelineCore

/// `ctr` (per day): the CTR reward model of IL-GRPO (spec §5, paper notes §4), retrained daily on
/// the window's hint exposures and clicks.
///
/// Inputs: `events` over a window of days ending on the task's day D (`{events: {days: 8}}`),
/// and D's `queries`, `items`, `categories` snapshots. Training rows: one per displayed position of
/// each hint exposure (position < `shown`), label = the user clicked that hint; features
/// ``CTRFeatures`` (position, the query's popularity over earlier days, the user's behaviour before
/// the exposure). Output `model_ctr` (D's partition):
/// - `ctr.json`: the shipped ``ClickModel`` (its metadata holds the feature settings and the
///   popularity context of D + 1, so ``CTRScorer`` rebuilds the same features);
/// - `query_stats.parquet`: the query popularity as of the end of D (``DatasetSchemas/ctrQueryStats``);
/// - `report.json`: ``CTRReport``.
///
/// Held-out protocol: fit on the rows of the days before D, score D's rows, beside a popularity-only
/// logistic regression (position and query popularity, nothing of the user) fitted on the same rows.
/// On the window's first day (no earlier rows) a seeded `test_share` of users is held out instead.
/// The shipped model is then refitted on every row of the window, D included (warm-started from
/// the held-out fit): tomorrow's reward should know today's clicks; the held-out figures measure a
/// model one day staler than the shipped one. Result: rows in = events read, rows out = training
/// rows (the shipped model's) plus `query_stats` rows.
public struct CTRStage: Stage {
    /// The kind `ctr`.
    public static let kind = StageKindInfo(
        name: "ctr", codeVersion: 1,
        params: [
            ParamSpec("l2", .double, default: 1e-3, description: "L2 penalty on the standardised weights (the loss is a mean over rows)."),
            ParamSpec("iterations", .int, default: 30, description: "Newton iterations at most per fit."),
            ParamSpec("holdout", .bool, default: true, description: "Evaluate on held-out rows (the task's day, or test_share of users on the first day) before the shipped fit."),
            ParamSpec("test_share", .double, default: 0.2, description: "Share of users held out on the window's first day."),
            ParamSpec("seed", .int, default: 1, description: "Seed of the first-day user split."),
            ParamSpec("history", .int, default: 32, description: "Latest behaviours of a user the features look at (as the sessions stage's history)."),
            ParamSpec("half_life_hours", .double, default: 24.0, description: "Half-life of the recency weights of behaviours."),
            ParamSpec("short_half_life_minutes", .double, default: 60.0, description: "Half-life of the current-session weights."),
            ParamSpec("popularity_days", .int, default: 7, description: "Earlier days the query popularity looks back over."),
            ParamSpec("popularity_decay", .double, default: 0.8, description: "Weight of a day d+1 days back: decay^d."),
            ParamSpec("ctr_prior", .double, default: 20.0, description: "Pseudo-impressions pulling a query's CTR to the base rate."),
            ParamSpec("hint_search_window_s", .int, default: 60, description: "A hint click counts as a search behaviour unless a search of its query follows within this many seconds (as sessions)."),
        ],
        description: "The CTR reward model: logistic regression on position, query popularity and user behaviour, retrained daily.")

    /// Creates the stage.
    public init() {}

    /// Trains, evaluates and writes the day's model.
    public func run(_ context: StageContext) throws -> StageResult {
        let day = try context.requireDay()
        let settings = try Self.settings(context)
        var options = ClickModelTrainer.Options()
        options.l2 = try context.doubleParam("l2")
        options.iterations = try context.intParam("iterations")
        options.threads = context.threads
        let name = context.spec.name
        guard options.l2 >= 0 else { throw StageError(.badParam, "param l2 of stage '\(name)' is \(options.l2); use 0 or more") }
        guard options.iterations >= 1 else { throw StageError(.badParam, "param iterations of stage '\(name)' is \(options.iterations); use 1 or more") }
        let testShare = try context.doubleParam("test_share")
        guard testShare > 0 && testShare < 1 else { throw StageError(.badParam, "param test_share of stage '\(name)' is \(testShare); use a number in (0, 1)") }
        let window = try context.intParam("hint_search_window_s")
        guard window >= 0 else { throw StageError(.badParam, "param hint_search_window_s of stage '\(name)' is \(window); use 0 or more seconds") }

        let dimensions = try CTRDimensions(
            queries: context.files(of: "queries"), items: context.files(of: "items"), categories: context.files(of: "categories"))
        let set = try CTRTrainingSet(
            files: context.files(of: "events"), day: day, dimensions: dimensions, settings: settings,
            hintSearchWindow: Int64(window) * 1000, threads: context.threads)
        guard let today = Day.ordinal(day) else { throw StageError(.badParam, "the task's day '\(day)' is not a YYYY-MM-DD day") }

        let evaluation = try Self.evaluate(
            set, today: today, day: day, holdout: try context.boolParam("holdout"), testShare: testShare,
            seed: UInt64(truncatingIfNeeded: try context.intParam("seed")), options: options)

        // The shipped model: every row of the window.
        let end = set.popularity.snapshot(asOf: today + 1, leaf: set.leaf, settings: settings)
        var metadata = settings.metadata
        metadata["popularity_weight_sum"] = end.context.weightSum
        metadata["ctr_base_rate"] = end.context.baseRate
        metadata["max_position"] = Double(set.maxPosition)
        let shipped: ClickModel
        var iterations = 0
        if set.count > 0 {
            do {
                let fit = try ClickModelTrainer.train(
                    features: CTRFeatures.names, x: set.x, labels: set.labels, options: options, initial: evaluation.model,
                    metadata: metadata)
                shipped = fit.model
                iterations = fit.summary.iterations
            } catch let error as ClickModelError {
                throw StageError(.badInput, "cannot fit the CTR model of \(day): \(error.message)")
            }
        } else {
            // No exposures in the window (logs without hint exposures): a constant model, p = base rate.
            let rate = end.context.baseRate
            shipped = try ClickModel(
                features: CTRFeatures.names, scaling: .identity(CTRFeatures.count),
                weights: Array(repeating: 0, count: CTRFeatures.count), bias: log(rate / (1 - rate)), metadata: metadata)
        }

        let folder = try context.outputFolder("model_ctr")
        try DatasetFiles.makeFolder(folder)
        do {
            try shipped.write(to: folder + "/" + CTRScorer.modelFileName)
        } catch let error as ClickModelError {
            throw StageError(.io, error.message)
        }
        let stats = try CTRQueryStats.batch(snapshot: end, queries: set.popularity.queries, leaf: set.leaf, settings: settings)
        try DatasetFiles.write(stats, to: folder + "/" + CTRQueryStats.fileName)
        let report = CTRReport(
            day: day, holdout: evaluation.holdout, note: evaluation.note, trainRows: evaluation.trainRows, testRows: evaluation.testRows,
            model: evaluation.metrics, popularity: evaluation.popularity, shippedRows: set.count,
            shippedClicks: set.labels.reduce(0) { $0 + ($1 ? 1 : 0) }, shippedIterations: iterations, shipped: shipped)
        try DatasetFiles.write(text: report.json(), to: folder + "/report.json")
        return StageResult(rowsIn: set.events, rowsOut: set.count + stats.rowCount)
    }

    /// The feature settings from the params, checked.
    static func settings(_ context: StageContext) throws -> CTRFeatureSettings {
        var s = CTRFeatureSettings()
        let name = context.spec.name
        s.history = try context.intParam("history")
        s.halfLifeHours = try context.doubleParam("half_life_hours")
        s.shortHalfLifeMinutes = try context.doubleParam("short_half_life_minutes")
        s.popularityDays = try context.intParam("popularity_days")
        s.popularityDecay = try context.doubleParam("popularity_decay")
        s.ctrPrior = try context.doubleParam("ctr_prior")
        guard s.history >= 1 else { throw StageError(.badParam, "param history of stage '\(name)' is \(s.history); use 1 or more behaviours") }
        guard s.halfLifeHours > 0, s.shortHalfLifeMinutes > 0 else {
            throw StageError(.badParam, "the half-lives of stage '\(name)' must be positive (got \(s.halfLifeHours) h and \(s.shortHalfLifeMinutes) min)")
        }
        guard s.popularityDays >= 1 else { throw StageError(.badParam, "param popularity_days of stage '\(name)' is \(s.popularityDays); use 1 or more days") }
        guard s.popularityDecay > 0 && s.popularityDecay <= 1 else {
            throw StageError(.badParam, "param popularity_decay of stage '\(name)' is \(s.popularityDecay); use a number in (0, 1]")
        }
        guard s.ctrPrior > 0 else { throw StageError(.badParam, "param ctr_prior of stage '\(name)' is \(s.ctrPrior); use a positive number of pseudo-impressions") }
        return s
    }

    /// What the held-out evaluation found.
    struct Evaluation {
        var holdout: CTRReport.Holdout
        var note: String
        var trainRows = 0
        var testRows = 0
        var metrics: BinaryMetrics?
        var popularity: BinaryMetrics?
        /// The model fitted on the training rows (the shipped fit starts from it).
        var model: ClickModel?
    }

    /// Fits the model and the popularity baseline on the training rows and scores the test rows.
    static func evaluate(
        _ set: CTRTrainingSet, today: Int, day: String, holdout: Bool, testShare: Double, seed: UInt64,
        options: ClickModelTrainer.Options
    ) throws -> Evaluation {
        guard holdout else { return Evaluation(holdout: .none, note: "holdout is off: no evaluation") }
        var train: [Int] = [], test: [Int] = []
        for r in 0..<set.count { if set.day[r] < today { train.append(r) } else { test.append(r) } }
        var protocolUsed = CTRReport.Holdout.day
        var note: String
        if train.isEmpty {
            protocolUsed = .users
            train = []
            test = []
            for r in 0..<set.count { if heldOut(set.user[r], share: testShare, seed: seed) { test.append(r) } else { train.append(r) } }
            note = "no exposures before \(day): trained on \(Int((1 - testShare) * 100 + 0.5)) % of the users of \(day), tested on the other users (seeded split)"
        } else {
            let first = set.day.min().map(Day.string) ?? day
            note = "trained on the exposures of \(first) … \(Day.adding(-1, to: day)), tested on \(day)"
        }
        guard !train.isEmpty, !test.isEmpty, Set(train.map { set.labels[$0] }).count == 2 else {
            return Evaluation(
                holdout: .none, note: "too few exposures or clicks to hold any out (\(train.count) training and \(test.count) test rows)")
        }
        let labels = train.map { set.labels[$0] }, testLabels = test.map { set.labels[$0] }
        let x = set.x.rows(train), testX = set.x.rows(test)
        do {
            let model = try ClickModelTrainer.train(features: CTRFeatures.names, x: x, labels: labels, options: options).model
            let columns = CTRFeatures.popularityNames.map { CTRFeatures.names.firstIndex(of: $0)! }
            let baseline = try ClickModelTrainer.train(
                features: CTRFeatures.popularityNames, x: x.selecting(columns: columns), labels: labels, options: options).model
            return Evaluation(
                holdout: protocolUsed, note: note, trainRows: train.count, testRows: test.count,
                metrics: BinaryMetrics(labels: testLabels, probabilities: model.probabilities(testX)),
                popularity: BinaryMetrics(labels: testLabels, probabilities: baseline.probabilities(testX.selecting(columns: columns))),
                model: model)
        } catch let error as ClickModelError {
            throw StageError(.badInput, "cannot fit the held-out CTR model of \(day): \(error.message)")
        }
    }

    /// Whether `user` is among the held-out users of the first-day split.
    static func heldOut(_ user: Int64, share: Double, seed: UInt64) -> Bool {
        var z = UInt64(bitPattern: user) ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53) < share
    }
}
