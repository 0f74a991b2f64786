/// Rebuilds a ``ColumnArray`` from decoded pages: levels plus present values.
///
/// Slots are created for level entries with `def >= elementLevel` (every entry of a flat column);
/// a slot holds a value when `def == maxDefinitionLevel` and is null otherwise. For lists, an entry
/// with `rep == 0` starts a row, which is null when `def < listDefinedLevel`.
struct ColumnAssembler {
    let leaf: LeafColumn
    private let expectedSlots: Int
    private var store: ColumnValues
    private var validity: [Bool]?
    private var slotCount = 0
    private var rowStarts: [Int] = []
    private var rowValidity: [Bool]?
    private var rows = 0
    /// Whether the current list row began with an element (so later entries may continue it).
    private var rowHasElements = false

    /// An assembler for `leaf` that expects about `expectedSlots` slots (reserved up front).
    init(leaf: LeafColumn, expectedSlots: Int = 0) {
        self.leaf = leaf
        self.expectedSlots = expectedSlots
        let empty: ColumnValues =
            switch leaf.physicalType {
            case .boolean: .boolean([])
            case .int32: .int32([])
            case .int64, .int96: .int64([])
            case .float: .float([])
            case .double: .double([])
            default: .byteArray(ByteArrayColumn())
            }
        store = empty
        if expectedSlots > 0 { store.reserveSlots(expectedSlots) }
    }

    /// Reserves value bytes for the whole chunk from the average length seen in `sample`
    /// (the dictionary, or the first page), so a string column grows once instead of geometrically.
    mutating func reserveBytes(like sample: ColumnValues) {
        guard case .byteArray(let b) = sample, b.count > 0, expectedSlots > 0 else { return }
        let estimate = Double(b.bytes.count) / Double(b.count) * Double(expectedSlots) * 1.1
        store.reserveBytes(Int(min(estimate, Double(1 << 31))))
    }

    /// Rows assembled so far.
    var rowCount: Int { leaf.maxRepetitionLevel > 0 ? rows : slotCount }

    /// Appends one page: `entryCount` level entries (levels `nil` when the column has none) and the
    /// page's present values (exactly the entries whose definition level is the maximum).
    mutating func append(definition: [UInt32]?, repetition: [UInt32]?, entryCount: Int, values: PageValues) throws {
        var pageSlots = entryCount
        if leaf.maxRepetitionLevel > 0 {
            guard let definition, let repetition else { throw ColumnarError.corrupt("a list column's page has no levels") }
            pageSlots = try appendListStructure(definition: definition, repetition: repetition)
        }
        guard values.count != pageSlots, let definition else {
            // Every slot holds a value.
            guard values.count == pageSlots else {
                throw ColumnarError.corrupt("a page has \(pageSlots) values but its values section decoded to \(values.count)")
            }
            switch values {
            case .dense(let dense): store.append(dense)
            case .indexed(let indices, let dictionary): store.appendGathered(dictionary, indices: indices, slots: nil)
            }
            if validity != nil { validity!.append(contentsOf: repeatElement(true, count: pageSlots)) }
            slotCount += pageSlots
            return
        }
        // Some slots are null: record which, then scatter the present values around them.
        if validity == nil {
            validity = []
            validity!.reserveCapacity(max(slotCount + pageSlots, expectedSlots))
            validity!.append(contentsOf: repeatElement(true, count: slotCount))
        }
        let start = validity!.count
        let maxDef = UInt32(leaf.maxDefinitionLevel)
        let elementLevel = UInt32(leaf.elementLevel)
        if leaf.maxRepetitionLevel == 0 {
            validity!.append(contentsOf: repeatElement(false, count: definition.count))
            validity!.withUnsafeMutableBufferPointer { v in
                definition.withUnsafeBufferPointer { d in
                    for i in 0..<d.count { v[start + i] = d[i] == maxDef }
                }
            }
        } else {
            for d in definition where d >= elementLevel { validity!.append(d == maxDef) }
        }
        validity!.withUnsafeBufferPointer { v in
            let slots = UnsafeBufferPointer(rebasing: v[start...])
            switch values {
            case .dense(let dense): store.appendScattered(dense, slots: slots)
            case .indexed(let indices, let dictionary): store.appendGathered(dictionary, indices: indices, slots: slots)
            }
        }
        slotCount += pageSlots
    }

    /// Records rows and list validity; returns the number of element slots the page holds.
    private mutating func appendListStructure(definition: [UInt32], repetition: [UInt32]) throws -> Int {
        guard definition.count == repetition.count else {
            throw ColumnarError.corrupt("a page has \(repetition.count) repetition levels but \(definition.count) definition levels")
        }
        let listDefined = UInt32(leaf.listDefinedLevel)
        let elementLevel = UInt32(leaf.elementLevel)
        var slot = slotCount
        for (d, r) in zip(definition, repetition) {
            if r == 0 {
                rowStarts.append(slot)
                rows += 1
                let valid = d >= listDefined
                if !valid, rowValidity == nil { rowValidity = Array(repeating: true, count: rows - 1) }
                rowValidity?.append(valid)
                rowHasElements = d >= elementLevel
            } else if rows == 0 {
                throw ColumnarError.corrupt("the first level entry of a list column continues a row (repetition level \(r))")
            } else if !rowHasElements || d < elementLevel {
                // Only a row that began with an element can continue, and only with elements.
                throw ColumnarError.corrupt(
                    "row \(rows - 1) of a list column is null or empty (definition level below \(elementLevel)) but has more entries")
            }
            if d >= elementLevel { slot += 1 }
        }
        return slot - slotCount
    }

    /// The assembled column.
    func finish() -> ColumnArray {
        let values = store
        guard leaf.maxRepetitionLevel > 0 else { return ColumnArray(values: values, validity: validity) }
        return ColumnArray(
            values: values, validity: validity, list: ListLayout(offsets: rowStarts + [slotCount], validity: rowValidity))
    }
}
