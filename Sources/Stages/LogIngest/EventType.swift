import CSimdJSON

/// The event types of the raw log contract, with the codes the parser shim uses.
enum EventType: UInt8, CaseIterable, Sendable {
    case appOpen = 0, appExit, hintExposure, hintClick, search, itemClick, addToCart, purchase

    /// The name written in logs and in `events.type`.
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
        }
    }

    /// Row flag: the row has an item.
    static let hasItem = UInt8(AIGQ_HAS_ITEM)
    /// Row flag: the row has a price.
    static let hasPrice = UInt8(AIGQ_HAS_PRICE)
}
