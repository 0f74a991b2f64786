import Columnar

/// One user's behaviour sequence over the window (spec §3): searches (with the query) and item
/// clicks (with the item's title), oldest first, plus hint clicks that no search of the same query
/// follows within the hint-search window (they count as searches, design note "Behaviour").
///
/// Rebuilt for each user of a bucket in the same storage, so its buffers are allocated once.
struct UserHistory: Sendable {
    /// One behaviour.
    struct Entry: Sendable {
        /// When it happened (epoch ms).
        var ts: Int64
        /// A search (or a lone hint click) rather than an item click.
        var isSearch: Bool
        /// The leaf category (queries dims for searches, items dims for clicks), -1 when unknown.
        var category: Int64
    }

    /// The behaviours, oldest first.
    private(set) var entries: [Entry] = []
    /// Their text: the query, or the item title ("" for an item missing from the catalogue).
    private(set) var texts = ByteArrayColumn()
    /// Their trigger key: `search:<query>` or `item:<id>`.
    private(set) var keys = ByteArrayColumn()
    /// The event row each behaviour comes from.
    private(set) var rows: [Int] = []

    private static let searchPrefix = Array("search:".utf8)
    private static let itemPrefix = Array("item:".utf8)

    /// The number of behaviours.
    var count: Int { entries.count }

    /// Rebuilds the history from `rows` (one user's event rows in time order).
    mutating func rebuild(
        events: BucketEvents, rows userRows: ArraySlice<Int>, dimensions: SessionDimensions, hintSearchWindow: Int64
    ) {
        entries.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        texts.offsets.removeAll(keepingCapacity: true)
        texts.offsets.append(0)
        texts.bytes.removeAll(keepingCapacity: true)
        keys.offsets.removeAll(keepingCapacity: true)
        keys.offsets.append(0)
        keys.bytes.removeAll(keepingCapacity: true)

        for position in userRows.indices {
            let row = userRows[position]
            switch events.type[row] {
            case .search:
                appendSearch(events: events, row: row, dimensions: dimensions)
            case .hintClick:
                if !Self.searchFollows(events: events, rows: userRows, clickAt: position, window: hintSearchWindow) {
                    appendSearch(events: events, row: row, dimensions: dimensions)
                }
            case .itemClick:
                let item = events.item[row]
                let catalogueRow = events.hasItem[row] ? dimensions.itemRow(item) : nil
                entries.append(Entry(ts: events.ts[row], isSearch: false, category: catalogueRow.map(dimensions.itemCategory(row:)) ?? -1))
                rows.append(row)
                if let catalogueRow { texts.append(dimensions.itemTitles[catalogueRow]) } else { texts.appendEmpty() }
                keys.bytes.append(contentsOf: Self.itemPrefix)
                keys.append(String(item).utf8)
            default:
                break
            }
        }
    }

    /// The number of behaviours strictly before `ts` (entries are in time order).
    func countBefore(_ ts: Int64) -> Int {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if entries[mid].ts < ts { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private mutating func appendSearch(events: BucketEvents, row: Int, dimensions: SessionDimensions) {
        entries.append(Entry(ts: events.ts[row], isSearch: true, category: dimensions.queryCategory(events.query, row)))
        rows.append(row)
        texts.append(events.query[row])
        keys.bytes.append(contentsOf: Self.searchPrefix)
        keys.append(events.query[row])
    }

    /// Whether a `search` of the clicked query follows the hint click at `position` within `window` ms.
    static func searchFollows(events: BucketEvents, rows: ArraySlice<Int>, clickAt position: Int, window: Int64) -> Bool {
        let click = rows[position]
        let limit = events.ts[click] + window
        var next = position + 1
        while next < rows.endIndex, events.ts[rows[next]] <= limit {
            let row = rows[next]
            if events.type[row] == .search, ByteStrings.equal(events.query, row, events.query, click) { return true }
            next += 1
        }
        return false
    }
}
