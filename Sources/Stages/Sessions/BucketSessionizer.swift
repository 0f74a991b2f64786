import PipelineCore
import Columnar

/// Turns one bucket's events into its rows of `behaviors`, `direct_sessions` and `think_sessions`
/// (spec §3), user by user, in (user, ts) order.
///
/// - behaviors: every user with an event in the window; `ts` = the first millisecond after the
///   day; the last L behaviours.
/// - direct session: each `hint_exposure` of the day (the first one of a repeated exposure id) with
///   at least one `hint_click` naming it; `clicked` = the distinct clicked queries in click order,
///   `candidates` = the exposure's logged candidates in ranker order; history strictly before the
///   exposure.
/// - think session: from the user's first search-box event of the day (hint exposure, hint click or
///   search) to the last `app_exit` of the day at or after it (else the day's last event);
///   `hint_clicks` = the hint clicks' queries in time order; `searches` = the search behaviours
///   (searches and lone hint clicks, see ``UserHistory``) in time order; `candidates` = the logged
///   candidates of the session's exposures in time then ranker order, each kept once; history
///   strictly before the session's start.
struct BucketSessionizer {
    /// What to make and how.
    let options: SessionsOptions
    /// The day's dimensions.
    let dimensions: SessionDimensions
    /// The day's first millisecond, and the next day's.
    private let dayStart: Int64, dayEnd: Int64

    /// A sessionizer for `options`' day.
    init(options: SessionsOptions, dimensions: SessionDimensions) {
        self.options = options
        self.dimensions = dimensions
        dayStart = Day.startMillis(options.day)
        dayEnd = dayStart + Day.millis
    }

    /// The rows of one bucket.
    struct Output {
        var behaviors = BehaviorRows()
        var direct = DirectRows()
        var think = ThinkRows()
    }

    /// Sessionises `events`.
    func run(_ events: BucketEvents) -> Output {
        var out = Output()
        var history = UserHistory()
        var scratch = Scratch()
        let order = events.order
        let clicks = events.type.reduce(0) { $0 + ($1 == .hintClick ? 1 : 0) }
        let behaviourEvents = events.type.reduce(0) { $0 + ($1 == .search || $1 == .itemClick || $1 == .hintClick ? 1 : 0) }
        if options.outputs.contains(.directSessions) {
            out.direct.history.reserve(rows: clicks, entries: clicks * options.history, bytes: clicks * options.history * 24)
        }
        if options.outputs.contains(.behaviors) {
            out.behaviors.history.reserve(rows: behaviourEvents, entries: behaviourEvents, bytes: behaviourEvents * 24)
        }
        var start = 0
        while start < order.count {
            let user = events.user[order[start]]
            var end = start + 1
            while end < order.count, events.user[order[end]] == user { end += 1 }
            let rows = order[start..<end]
            history.rebuild(events: events, rows: rows, dimensions: dimensions, hintSearchWindow: options.hintSearchWindowMillis)
            let profile = dimensions.profile(of: user)
            if options.outputs.contains(.behaviors) {
                out.behaviors.user.append(user)
                out.behaviors.ts.append(dayEnd)
                out.behaviors.profile.append(profile)
                out.behaviors.history.append(history, lastBehaviours(before: history.count))
            }
            if options.outputs.contains(.directSessions) {
                directSessions(user: user, rows: rows, events: events, history: history, profile: profile, scratch: &scratch, into: &out.direct)
            }
            if options.outputs.contains(.thinkSessions) {
                thinkSession(user: user, rows: rows, events: events, history: history, profile: profile, scratch: &scratch, into: &out.think)
            }
            start = end
        }
        return out
    }

    /// Buffers reused from user to user.
    struct Scratch {
        var clickRows: [Int] = []
        var clickHashes: [UInt64] = []
        var seen: [UInt64: Int] = [:]
    }

    /// The history range of a sample that may see the first `count` behaviours: the last L of them.
    private func lastBehaviours(before count: Int) -> Range<Int> {
        max(0, count - options.history)..<count
    }

    private func onDay(_ ts: Int64) -> Bool { ts >= dayStart && ts < dayEnd }

    private func directSessions(
        user: Int64, rows: ArraySlice<Int>, events: BucketEvents, history: UserHistory,
        profile: SessionDimensions.Profile, scratch: inout Scratch, into out: inout DirectRows
    ) {
        scratch.clickRows.removeAll(keepingCapacity: true)
        scratch.clickHashes.removeAll(keepingCapacity: true)
        for row in rows where events.type[row] == .hintClick {
            scratch.clickRows.append(row)
            scratch.clickHashes.append(ByteStrings.hash(events.exposure, row))
        }
        guard !scratch.clickRows.isEmpty else { return }
        scratch.seen.removeAll(keepingCapacity: true)
        for row in rows where events.type[row] == .hintExposure && onDay(events.ts[row]) {
            let hash = ByteStrings.hash(events.exposure, row)
            if let first = scratch.seen[hash], ByteStrings.equal(events.exposure, first, events.exposure, row) { continue }
            if scratch.seen[hash] == nil { scratch.seen[hash] = row }
            let firstClicked = out.clicked.values.count
            for (k, click) in scratch.clickRows.enumerated()
            where scratch.clickHashes[k] == hash && ByteStrings.equal(events.exposure, click, events.exposure, row) {
                let duplicate = (firstClicked..<out.clicked.values.count).contains {
                    ByteStrings.equal(out.clicked.values, $0, events.query, click)
                }
                if !duplicate { out.clicked.values.appendValue(of: events.query, at: click) }
            }
            guard out.clicked.values.count > firstClicked else { continue }
            out.clicked.closeRow()
            out.user.append(user)
            out.ts.append(events.ts[row])
            out.exposure.appendValue(of: events.exposure, at: row)
            out.shown.append(events.shown[row])
            for c in events.candidateOffsets[row]..<events.candidateOffsets[row + 1] {
                out.candidates.values.appendValue(of: events.candidateValues, at: c)
            }
            out.candidates.closeRow()
            out.profile.append(profile)
            out.history.append(history, lastBehaviours(before: history.countBefore(events.ts[row])))
        }
    }

    private func thinkSession(
        user: Int64, rows: ArraySlice<Int>, events: BucketEvents, history: UserHistory,
        profile: SessionDimensions.Profile, scratch: inout Scratch, into out: inout ThinkRows
    ) {
        guard let first = rows.first(where: { onDay(events.ts[$0]) && events.type[$0].touchesSearchBox }) else { return }
        let start = events.ts[first]
        var lastExit: Int64? = nil
        var lastEvent = start
        for row in rows where onDay(events.ts[row]) {
            lastEvent = max(lastEvent, events.ts[row])
            if events.type[row] == .appExit, events.ts[row] >= start { lastExit = events.ts[row] }
        }
        let end = lastExit ?? lastEvent
        scratch.seen.removeAll(keepingCapacity: true)
        for row in rows where events.ts[row] >= start && events.ts[row] <= end {
            switch events.type[row] {
            case .hintClick:
                out.hintClicks.values.appendValue(of: events.query, at: row)
            case .hintExposure:
                for c in events.candidateOffsets[row]..<events.candidateOffsets[row + 1] {
                    let hash = ByteStrings.hash(events.candidateValues, c)
                    if let kept = scratch.seen[hash], ByteStrings.equal(out.candidates.values, kept, events.candidateValues, c) { continue }
                    if scratch.seen[hash] == nil { scratch.seen[hash] = out.candidates.values.count }
                    out.candidates.values.appendValue(of: events.candidateValues, at: c)
                }
            default:
                break
            }
        }
        for i in history.countBefore(start)..<history.countBefore(end + 1) where history.isSearch[i] {
            out.searches.values.appendValue(of: history.texts, at: i)
        }
        out.hintClicks.closeRow()
        out.searches.closeRow()
        out.candidates.closeRow()
        out.user.append(user)
        out.ts.append(start)
        out.endTs.append(end)
        out.profile.append(profile)
        out.history.append(history, lastBehaviours(before: history.countBefore(start)))
    }
}
