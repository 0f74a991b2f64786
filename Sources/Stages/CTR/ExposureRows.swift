import Columnar
import PipelineCore

/// What the first pass of the ctr stage takes from one user bucket over the window: every user's
/// behaviour history, the exposure rows to score (one per displayed position of each
/// `hint_exposure`, position < `shown`, the first row of a repeated exposure id only; clicked when
/// a `hint_click` of the same user names the exposure and the position's query), and the bucket's
/// per-day query counts for the popularity features, which need
/// every bucket before any row's features can be filled (``CTRTrainingSet``).
struct ExposureRows {
    /// One exposure row.
    struct Row {
        /// Index into ``userRanges``.
        var userIndex: Int32
        /// The displayed query (an id of ``queries``).
        var query: Int32
        /// The display position, from 0.
        var position: Int32
        /// Whether the user clicked it.
        var clicked: Bool
        /// The exposure time, epoch ms.
        var ts: Int64
        /// The day ordinal of the exposure.
        var day: Int
    }

    /// The bucket's queries (candidates, searches, hint clicks), numbered in order of first sight.
    var queries = Interner<String>()
    /// The leaf category of each query of ``queries`` (-1 unknown).
    var queryLeaf: [Int64] = []
    /// Every user's behaviours, user after user, each in time order.
    var behaviours: [CTRBehaviour] = []
    /// Per user (ascending ids): the user and their range of ``behaviours``.
    var userRanges: [(user: Int64, range: Range<Int>)] = []
    /// The rows, by user then time then position.
    var rows: [Row] = []
    /// Day ordinal → counts per query id of ``queries``.
    var counts: [Int: [QueryCounts]] = [:]
    /// Events read.
    var events = 0

    /// The contents of `events` (one bucket's window through `lastDay`, an ordinal); rows of days
    /// after `lastDay` are not made.
    init(events: BucketEvents, lastDay: Int, dimensions: CTRDimensions, hintSearchWindow: Int64) {
        self.events = events.count
        let order = events.order
        var start = 0
        while start < order.count {
            let userID = events.user[order[start]]
            var end = start + 1
            while end < order.count, events.user[order[end]] == userID { end += 1 }
            let rows = order[start..<end]
            let first = behaviours.count
            var clicks: [String: [Int32]] = [:]
            for position in rows.indices {
                let row = rows[position]
                let dayOrdinal = Day.ordinal(millis: events.ts[row])
                switch events.type[row] {
                case .search:
                    let q = intern(events.query.string(at: row), dimensions)
                    count(day: dayOrdinal, query: q) { $0.searches += 1 }
                    appendSearch(ts: events.ts[row], query: q, dimensions)
                case .hintClick:
                    let q = intern(events.query.string(at: row), dimensions)
                    count(day: dayOrdinal, query: q) { $0.hintClicks += 1 }
                    clicks[events.exposure.string(at: row), default: []].append(q)
                    if !UserHistory.searchFollows(events: events, rows: rows, clickAt: position, window: hintSearchWindow) {
                        appendSearch(ts: events.ts[row], query: q, dimensions)
                    }
                case .itemClick:
                    let leaf = events.hasItem[row] ? dimensions.leaf(ofItem: events.item[row]) : -1
                    behaviours.append(CTRBehaviour(ts: events.ts[row], isSearch: false, query: -1, leaf: leaf, parent: dimensions.parent(of: leaf)))
                default:
                    break
                }
            }
            let userIndex = Int32(userRanges.count)
            userRanges.append((userID, first..<behaviours.count))
            var seen = Set<String>()
            for row in rows where events.type[row] == .hintExposure {
                let dayOrdinal = Day.ordinal(millis: events.ts[row])
                let exposure = events.exposure.string(at: row)
                guard dayOrdinal <= lastDay, seen.insert(exposure).inserted else { continue }
                let firstCandidate = events.candidateOffsets[row], logged = events.candidateOffsets[row + 1] - firstCandidate
                let shown = min(Int(max(0, events.shown[row])), logged)
                let clickedHere = clicks[exposure] ?? []
                for p in 0..<shown {
                    let q = intern(events.candidateValues.string(at: firstCandidate + p), dimensions)
                    count(day: dayOrdinal, query: q) { $0.impressions += 1 }
                    self.rows.append(Row(
                        userIndex: userIndex, query: q, position: Int32(p), clicked: clickedHere.contains(q), ts: events.ts[row],
                        day: dayOrdinal))
                }
            }
            start = end
        }
    }

    /// The number of rows.
    var count: Int { rows.count }

    private mutating func intern(_ text: String, _ dimensions: CTRDimensions) -> Int32 {
        let id = queries.id(text)
        if Int(id) == queryLeaf.count { queryLeaf.append(dimensions.leaf(ofQuery: text)) }
        return id
    }

    private mutating func appendSearch(ts: Int64, query: Int32, _ dimensions: CTRDimensions) {
        let leaf = queryLeaf[Int(query)]
        behaviours.append(CTRBehaviour(ts: ts, isSearch: true, query: query, leaf: leaf, parent: dimensions.parent(of: leaf)))
    }

    private mutating func count(day: Int, query: Int32, _ change: (inout QueryCounts) -> Void) {
        var perQuery = counts.removeValue(forKey: day) ?? []
        if perQuery.count <= Int(query) { perQuery += Array(repeating: QueryCounts(), count: Int(query) + 1 - perQuery.count) }
        change(&perQuery[Int(query)])
        counts[day] = perQuery
    }
}
