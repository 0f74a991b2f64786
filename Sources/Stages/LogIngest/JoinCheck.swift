import CSimdJSON

/// Counts what the log contract keeps but reports, over one bucket's events in (user, ts) order as
/// they are written: hint clicks whose exposure no `hint_exposure` of the same user logged that day,
/// and purchases of items missing from the catalogue. Holds one user's exposures at a time.
struct JoinCheck {
    let knownItems: Set<Int64>
    private(set) var unknownExposureClicks = 0
    private(set) var unknownItemPurchases = 0
    private var user: Int64?
    private var exposures: Set<UInt64> = []
    private var clicks: [UInt64] = []

    /// A check against the catalogue's items.
    init(knownItems: Set<Int64>) { self.knownItems = knownItems }

    /// Takes the next rows (continuing the order of the rows before).
    mutating func feed(_ rows: IngestRows) {
        let exposure = EventType.hintExposure.rawValue, click = EventType.hintClick.rawValue, purchase = EventType.purchase.rawValue
        rows.exposureBytes.withUnsafeBufferPointer { bytes in
            for i in 0..<rows.count {
                if rows.user[i] != user {
                    finishUser()
                    user = rows.user[i]
                }
                let t = rows.type[i]
                if t == exposure || t == click {
                    let e0 = rows.exposureStart(i), e1 = Int(rows.exposureEnd[i])
                    let hash = aigq_hash_bytes(bytes.baseAddress.map { $0 + e0 }, e1 - e0)
                    if t == exposure { exposures.insert(hash) } else { clicks.append(hash) }
                } else if t == purchase, !knownItems.contains(rows.item[i]) {
                    unknownItemPurchases += 1
                }
            }
        }
    }

    /// Ends the last user.
    mutating func finish() { finishUser() }

    private mutating func finishUser() {
        for c in clicks where !exposures.contains(c) { unknownExposureClicks += 1 }
        clicks.removeAll(keepingCapacity: true)
        exposures.removeAll(keepingCapacity: true)
    }
}
