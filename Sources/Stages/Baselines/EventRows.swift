import Columnar
import PipelineCore

/// The columns of an `events` shard the baselines and the evaluation read, decoded once.
struct EventRows {
    /// The `events` columns read (a subset of ``DatasetSchemas/events``).
    static let schema = Schema(DatasetSchemas.events.fields.filter { ["user", "ts", "type", "query", "item"].contains($0.name) })

    /// Event types that matter here.
    enum Kind: UInt8 {
        case search, hintClick, itemClick, other
    }

    /// User per row.
    var users: [Int64]
    /// Time per row, epoch milliseconds.
    var ts: [Int64]
    /// Kind per row.
    var kinds: [Kind]
    /// Normalised query per row (`nil` when absent or empty).
    var queries: [String?]
    /// Item per row (`nil` when absent).
    var items: [Int64?]
    /// Row indices ordered by user, then time (stable: ties keep file order).
    var order: [Int]

    /// The rows of one shard file.
    init(file: String) throws {
        let batch = try DatasetFiles.readAll([file], schema: Self.schema)
        users = try batch.int64s("user")
        ts = try batch.int64s("ts")
        let types = try batch.strings("type")
        kinds = (0..<types.count).map { Self.kind(types[$0]) }
        queries = try batch.optionalStrings("query").map { q in q.flatMap { $0.isEmpty ? nil : $0 } }
        items = try batch.optionalInt64s("item")
        order = try batch.sortIndices(by: ["user", "ts"])
    }

    /// The number of rows.
    var count: Int { users.count }

    /// The ranges of ``order`` that hold one user's rows of one calendar day each, in order.
    var userDays: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for position in order.indices.dropFirst() {
            let (row, first) = (order[position], order[start])
            if users[row] != users[first] || Day.ordinal(millis: ts[row]) != Day.ordinal(millis: ts[first]) {
                ranges.append(start..<position)
                start = position
            }
        }
        if !order.isEmpty { ranges.append(start..<order.count) }
        return ranges
    }

    /// The behaviours of the rows at `order[range]` (one user-day), in time order.
    func behaviours(_ range: Range<Int>) -> [DayBehaviour] {
        var out: [DayBehaviour] = []
        for position in range {
            let row = order[position]
            switch kinds[row] {
            case .search:
                if let q = queries[row] { out.append(DayBehaviour(ts: ts[row], action: .query(q))) }
            case .hintClick:
                if let q = queries[row], !searchFollows(q, after: position, in: range) {
                    out.append(DayBehaviour(ts: ts[row], action: .query(q)))
                }
            case .itemClick:
                if let item = items[row] { out.append(DayBehaviour(ts: ts[row], action: .item(item))) }
            case .other:
                break
            }
        }
        return out
    }

    /// Whether a search of `query` follows the row at `order[position]` within the hint window.
    private func searchFollows(_ query: String, after position: Int, in range: Range<Int>) -> Bool {
        let limit = ts[order[position]] + DayBehaviour.hintSearchWindow
        var next = position + 1
        while next < range.upperBound, ts[order[next]] <= limit {
            let row = order[next]
            if kinds[row] == .search, queries[row] == query { return true }
            next += 1
        }
        return false
    }

    private static func kind(_ bytes: ArraySlice<UInt8>) -> Kind {
        if bytes.elementsEqual("search".utf8) { return .search }
        if bytes.elementsEqual("hint_click".utf8) { return .hintClick }
        if bytes.elementsEqual("item_click".utf8) { return .itemClick }
        return .other
    }
}
