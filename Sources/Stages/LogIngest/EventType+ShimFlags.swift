import CSimdJSON

/// The row flags of the ingest parser shim.
extension EventType {
    /// Row flag: the row has an item.
    static let hasItem = UInt8(AIGQ_HAS_ITEM)
    /// Row flag: the row has a price.
    static let hasPrice = UInt8(AIGQ_HAS_PRICE)
}
