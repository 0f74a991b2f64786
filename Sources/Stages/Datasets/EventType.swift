import Columnar

/// The `type` of an `events` row (log-schema.md), as a small code stages branch on without comparing
/// strings per row. The raw values are also the codes the ingest parser shim returns (`other` aside,
/// which only readers of foreign `events` shards meet).
enum EventType: UInt8, CaseIterable, Sendable {
    case appOpen = 0, appExit, hintExposure, hintClick, search, itemClick, addToCart, purchase, other

    /// The value written in the `type` column.
    var name: String {
        switch self {
        case .appOpen: "app_open"
        case .appExit: "app_exit"
        case .hintExposure: "hint_exposure"
        case .hintClick: "hint_click"
        case .search: "search"
        case .itemClick: "item_click"
        case .addToCart: "add_to_cart"
        case .purchase: "purchase"
        case .other: "other"
        }
    }

    /// Whether the event is an interaction with the search box (starts a Think session).
    var touchesSearchBox: Bool { self == .hintExposure || self == .hintClick || self == .search }

    /// The codes of every value of a `type` column (an unknown value reads as ``other``).
    static func codes(of column: ByteArrayColumn) -> [EventType] {
        let names = ByteArrayColumn(strings: allCases.map(\.name))
        var out = [EventType]()
        out.reserveCapacity(column.count)
        var previous: (row: Int, code: EventType)? = nil
        for i in 0..<column.count {
            // Decoded dictionary columns repeat a handful of values: try the previous row's first.
            if let p = previous, ByteStrings.equal(column, p.row, column, i) {
                out.append(p.code)
                continue
            }
            var code = EventType.other
            for k in 0..<names.count where ByteStrings.equal(names, k, column, i) {
                code = allCases[k]
                break
            }
            previous = (i, code)
            out.append(code)
        }
        return out
    }
}
