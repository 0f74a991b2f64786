/// Rebuilds a ``ColumnArray`` from decoded pages: levels plus present values.
///
/// Slots are created for level entries with `def >= elementLevel` (every entry of a flat column);
/// a slot holds a value when `def == maxDefinitionLevel` and is null otherwise. For lists, an entry
/// with `rep == 0` starts a row, which is null when `def < listDefinedLevel`.
struct ColumnAssembler {
    let leaf: LeafColumn
    private var store: ColumnValues
    private var validity: [Bool]?
    private var slotCount = 0
    private var rowStarts: [Int] = []
    private var rowValidity: [Bool]?
    private var rows = 0

    /// An assembler for `leaf` that expects about `expectedSlots` slots (reserved up front).
    init(leaf: LeafColumn, expectedSlots: Int = 0) {
        self.leaf = leaf
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

    /// Rows assembled so far.
    var rowCount: Int { leaf.maxRepetitionLevel > 0 ? rows : slotCount }

    /// Appends one page: `entryCount` level entries (levels `nil` when the column has none) and the
    /// page's present values.
    mutating func append(definition: [UInt32]?, repetition: [UInt32]?, entryCount: Int, dense: ColumnValues) throws {
        let maxDef = UInt32(leaf.maxDefinitionLevel)
        if leaf.maxRepetitionLevel > 0 {
            guard let definition, let repetition else { throw ColumnarError.corrupt("a list column's page has no levels") }
            try appendListStructure(definition: definition, repetition: repetition)
        }
        guard let definition, maxDef > 0, leaf.maxRepetitionLevel > 0 || dense.count != entryCount else {
            // Every entry is a present value.
            guard dense.count == entryCount else {
                throw ColumnarError.corrupt("a page has \(entryCount) values but its values section decoded to \(dense.count)")
            }
            appendDense(dense)
            if validity != nil { validity!.append(contentsOf: repeatElement(true, count: dense.count)) }
            slotCount += dense.count
            return
        }
        let elementLevel = UInt32(leaf.elementLevel)
        var present = 0
        for d in definition where d == maxDef { present += 1 }
        guard present == dense.count else {
            throw ColumnarError.corrupt("definition levels announce \(present) values but the values section decoded to \(dense.count)")
        }
        if present == definition.count {
            appendDense(dense)
            if validity != nil { validity!.append(contentsOf: repeatElement(true, count: present)) }
            slotCount += present
            return
        }
        // Scatter present values into slots with placeholders for nulls.
        var slotValidity: [Bool] = []
        slotValidity.reserveCapacity(definition.count)
        for d in definition where d >= elementLevel { slotValidity.append(d == maxDef) }
        scatter(dense, slotValidity)
        if validity == nil { validity = Array(repeating: true, count: slotCount) }
        validity!.append(contentsOf: slotValidity)
        slotCount += slotValidity.count
    }

    private mutating func appendListStructure(definition: [UInt32], repetition: [UInt32]) throws {
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
            } else if rows == 0 {
                throw ColumnarError.corrupt("the first level entry of a list column continues a row (repetition level \(r))")
            }
            if d >= elementLevel { slot += 1 }
        }
    }

    private mutating func appendDense(_ dense: ColumnValues) {
        if store.count == 0 {
            store = dense
        } else {
            store.append(dense)
        }
    }

    private mutating func scatter(_ dense: ColumnValues, _ slots: [Bool]) {
        store.appendScattered(dense, slots: slots)
    }

    /// The assembled column.
    func finish() -> ColumnArray {
        let values = store
        guard leaf.maxRepetitionLevel > 0 else { return ColumnArray(values: values, validity: validity) }
        return ColumnArray(
            values: values, validity: validity, list: ListLayout(offsets: rowStarts + [slotCount], validity: rowValidity))
    }
}
