import Columnar

/// One user's behaviour sequence over the window (spec §3): searches (with the query) and item
/// clicks (with the item's title), oldest first, plus hint clicks that no search of the same query
/// follows within the hint-search window (they count as searches, design note "Behaviour").
///
/// Held as parallel columns in the layout of ``DatasetSchemas/historyFields``, so a sample's
/// history (a range of them) is copied in a few block moves; rebuilt for each user of a bucket in
/// the same storage, so its buffers are allocated once.
struct UserHistory: Sendable {
    /// When each behaviour happened (epoch ms), ascending.
    private(set) var ts: [Int64] = []
    /// Whether it is a search (or a lone hint click) rather than an item click.
    private(set) var isSearch: [Bool] = []
    /// Its leaf category (queries dims for searches, items dims for clicks), -1 when unknown.
    private(set) var categories: [Int64] = []
    /// Its kind: `search` or `click`.
    private(set) var kinds = ByteArrayColumn()
    /// Its text: the query, or the item title ("" for an item missing from the catalogue).
    private(set) var texts = ByteArrayColumn()
    /// Its trigger key: `search:<query>` or `item:<id>`.
    private(set) var keys = ByteArrayColumn()

    private static let searchPrefix = Array("search:".utf8)
    private static let itemPrefix = Array("item:".utf8)
    private static let searchKind = Array("search".utf8)
    private static let clickKind = Array("click".utf8)

    /// The number of behaviours.
    var count: Int { ts.count }

    /// Rebuilds the history from `rows` (one user's event rows in time order).
    mutating func rebuild(
        events: BucketEvents, rows userRows: ArraySlice<Int>, dimensions: SessionDimensions, hintSearchWindow: Int64
    ) {
        ts.removeAll(keepingCapacity: true)
        isSearch.removeAll(keepingCapacity: true)
        categories.removeAll(keepingCapacity: true)
        kinds.removeAllKeepingCapacity()
        texts.removeAllKeepingCapacity()
        keys.removeAllKeepingCapacity()

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
                ts.append(events.ts[row])
                isSearch.append(false)
                categories.append(catalogueRow.map(dimensions.itemCategory(row:)) ?? -1)
                kinds.appendBytes(Self.clickKind)
                if let catalogueRow { texts.appendValue(of: dimensions.itemTitles, at: catalogueRow) } else { texts.appendEmpty() }
                keys.bytes.append(contentsOf: Self.itemPrefix)
                Self.appendDecimal(item, to: &keys.bytes)
                keys.offsets.append(keys.bytes.count)
            default:
                break
            }
        }
    }

    /// The number of behaviours strictly before `time`.
    func countBefore(_ time: Int64) -> Int {
        var lo = 0, hi = ts.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ts[mid] < time { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private mutating func appendSearch(events: BucketEvents, row: Int, dimensions: SessionDimensions) {
        ts.append(events.ts[row])
        isSearch.append(true)
        categories.append(dimensions.queryCategory(events.query, row))
        kinds.appendBytes(Self.searchKind)
        texts.appendValue(of: events.query, at: row)
        keys.appendValue(prefix: Self.searchPrefix, of: events.query, at: row)
    }

    /// Appends the decimal digits of `value` (no `String` is made).
    static func appendDecimal(_ value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
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
