import CTRModel
import Columnar
import Foundation

/// p̂_ctr(user, query): the click probability the day's `ctr` model gives a hint query shown to a
/// user at a position, for IL-GRPO's reward (spec §5) and Think's S_eff.
///
/// Loaded from a `model_ctr` partition (`ctr.json`, `query_stats.parquet`) plus the `queries` and
/// `categories` snapshots (leaves of queries never exposed, parents of leaves). The user is a
/// ``UserState``: a `behaviors` row's history (``DatasetSchemas/historyFields``) and the scoring
/// time; a query never seen in the logs gets the features of an unseen query (its leaf from
/// `queries` when listed, else unknown). Scoring is plain arithmetic over ≤ `history` behaviours
/// per pair: about a microsecond per (user, query) pair.
///
/// ```swift
/// let scorer = try CTRScorer(modelFiles: context.files(of: "model_ctr"), queries: ..., categories: ...)
/// let states = try scorer.userStates(behaviorsBatch)
/// let p = scorer.score(states[0], queries: ["tent", "sleeping bag"])   // positions 0, 1
/// ```
struct CTRScorer: Sendable {
    /// The model file's name inside the `model_ctr` partition.
    static let modelFileName = "ctr.json"

    /// A user as the scorer sees them: their history, and when the hints would be shown.
    struct UserState: Sendable {
        /// Behaviours in time order; searched queries numbered by ``searched``.
        fileprivate var history: [CTRBehaviour]
        /// Searched query text → its number in ``history``.
        fileprivate var searched: [String: Int32]
        /// The scoring time (epoch ms): only behaviours before it count.
        var time: Int64
    }

    /// The model.
    let model: ClickModel
    private let settings: CTRFeatureSettings
    private let popularity: PopularitySnapshot
    private let queryIndex: [String: Int]
    private let queryLeaf: [Int64]
    private let dimensions: CTRDimensions
    private let maxPosition: Int

    /// Loads the model from the files of a `model_ctr` partition (`modelFiles`: its `ctr.json` and
    /// `query_stats.parquet` are picked by name) and the `queries` / `categories` snapshot files.
    init(modelFiles: [String], queries: [String], categories: [String]) throws {
        func file(_ name: String) throws -> String {
            guard let path = modelFiles.first(where: { ($0 as NSString).lastPathComponent == name }) else {
                throw StageError(.badInput, "the model_ctr input has no '\(name)' (files: \(modelFiles.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))); run the ctr stage for that day first")
            }
            return path
        }
        let modelPath = try file(Self.modelFileName)
        do {
            model = try ClickModel(contentsOf: modelPath)
        } catch let error as ClickModelError {
            throw StageError(.badInput, error.message)
        }
        guard model.features == CTRFeatures.names else {
            throw StageError(.badInput, "the click model '\(modelPath)' has features \(model.features.joined(separator: ", ")), not those of this build; rerun the ctr stage")
        }
        settings = try CTRFeatureSettings(metadata: model.metadata, source: modelPath)
        guard let weightSum = model.metadata["popularity_weight_sum"], let rate = model.metadata["ctr_base_rate"] else {
            throw StageError(.badInput, "the click model '\(modelPath)' lacks its popularity context (popularity_weight_sum, ctr_base_rate); rerun the ctr stage")
        }
        let stats = try CTRQueryStats.read(try file(CTRQueryStats.fileName), context: PopularityContext(weightSum: weightSum, baseRate: rate))
        popularity = stats.snapshot
        maxPosition = Int(model.metadata["max_position"] ?? 0)
        queryIndex = stats.index
        queryLeaf = stats.leaf
        dimensions = try CTRDimensions(queries: queries, items: [], categories: categories)
    }

    /// A user state from a history in the layout of ``DatasetSchemas/historyFields`` (`kinds`
    /// `search` or `click`, texts, leaf categories (-1 unknown), times; oldest first) at `time`.
    func userState(kinds: [String], texts: [String], categories: [Int64], times: [Int64], time: Int64) -> UserState {
        var state = UserState(history: [], searched: [:], time: time)
        state.history.reserveCapacity(kinds.count)
        for i in kinds.indices {
            let isSearch = kinds[i] == "search"
            var query: Int32 = -1
            if isSearch {
                let next = Int32(state.searched.count)
                query = state.searched[texts[i]] ?? next
                if query == next { state.searched[texts[i]] = next }
            }
            state.history.append(CTRBehaviour(
                ts: times[i], isSearch: isSearch, query: query, leaf: categories[i], parent: dimensions.parent(of: categories[i])))
        }
        // The features expect time order; a history written out of order is sorted (stably).
        if zip(state.history, state.history.dropFirst()).contains(where: { $0.ts > $1.ts }) {
            state.history = state.history.enumerated().sorted { ($0.element.ts, $0.offset) < ($1.element.ts, $1.offset) }.map(\.element)
        }
        return state
    }

    /// The user states of every row of a `behaviors` batch (``DatasetSchemas/behaviors``), each
    /// scored at its row's `ts` (the first millisecond after its day) unless `time` is given.
    func userStates(_ batch: RecordBatch, time: Int64? = nil) throws -> [UserState] {
        let ts = try batch.int64s("ts")
        let kinds = try batch.stringLists("h_kind"), texts = try batch.stringLists("h_text")
        let categories = try batch.int64Lists("h_category"), times = try batch.int64Lists("h_ts")
        return (0..<batch.rowCount).map { r in
            let range = kinds.offsets[r]..<kinds.offsets[r + 1]
            return userState(
                kinds: range.map { kinds.elements.string(at: $0) }, texts: range.map { texts.elements.string(at: $0) },
                categories: Array(categories.elements[categories.offsets[r]..<categories.offsets[r + 1]]),
                times: Array(times.elements[times.offsets[r]..<times.offsets[r + 1]]), time: time ?? ts[r])
        }
    }

    /// p̂_ctr of each of `queries` (normalised) shown to `user` at `positions` (0 = first; default:
    /// the list order). A position past the last one the model was trained on (2 when the logs
    /// show 3 hints) counts as that one.
    func score(_ user: UserState, queries: [String], positions: [Int]? = nil) -> [Double] {
        precondition(positions == nil || positions!.count == queries.count, "one position per query")
        var row = [Double](repeating: 0, count: CTRFeatures.count)
        return queries.indices.map { i in
            let query = queries[i]
            let known = queryIndex[query]
            let statsLeaf = known.map { queryLeaf[$0] } ?? -1
            let leaf = statsLeaf >= 0 ? statsLeaf : dimensions.leaf(ofQuery: query)
            return row.withUnsafeMutableBufferPointer { out in
                user.history.withUnsafeBufferPointer { h in
                    CTRFeatures.fill(
                        out.baseAddress!, position: min(positions?[i] ?? i, maxPosition), query: user.searched[query] ?? -2, globalQuery: known,
                        leaf: leaf, parent: dimensions.parent(of: leaf), history: h, time: user.time, popularity: popularity,
                        settings: settings)
                }
                return ClickModel.sigmoid(model.logit(UnsafeBufferPointer(out)))
            }
        }
    }
}
