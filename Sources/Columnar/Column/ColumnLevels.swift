/// Repetition and definition levels of a run of rows of one column, plus which value slots are
/// present: the shredding of a ``ColumnArray`` into Parquet's (rep, def, value) stream.
struct ColumnLevels {
    /// Definition levels, one per level entry; empty when the column has `maxDefinitionLevel == 0`.
    var definition: [UInt32]
    /// Repetition levels, one per level entry; empty for flat columns.
    var repetition: [UInt32]
    /// Number of level entries (rows for a flat column).
    var entryCount: Int
    /// For lists: the first level entry of each row, `rows + 1` entries. Empty for flat columns.
    var rowEntryStart: [Int]
    /// Slots of ``ColumnArray/values`` holding present values, in order; `nil` when they are all
    /// the slots of `slotRange` (no nulls).
    var presentSlots: [Int]?
    /// The slot range the rows cover.
    var slotRange: Range<Int>

    /// Number of present values.
    var presentCount: Int { presentSlots?.count ?? slotRange.count }

    /// Shreds rows `rows` of `column` laid out as `leaf`.
    static func shred(_ column: ColumnArray, rows: Range<Int>, leaf: LeafColumn) -> ColumnLevels {
        if let list = column.list {
            return ColumnLevels(listColumn: column, list: list, rows: rows, leaf: leaf)
        }
        guard leaf.maxDefinitionLevel > 0, let validity = column.validity, validity[rows].contains(false) else {
            return ColumnLevels(
                definition: leaf.maxDefinitionLevel > 0 ? Array(repeating: 1, count: rows.count) : [], repetition: [],
                entryCount: rows.count, rowEntryStart: [], presentSlots: nil, slotRange: rows)
        }
        var defs = [UInt32](repeating: 0, count: rows.count)
        var present: [Int] = []
        present.reserveCapacity(rows.count)
        for (k, slot) in rows.enumerated() where validity[slot] {
            defs[k] = 1
            present.append(slot)
        }
        return ColumnLevels(
            definition: defs, repetition: [], entryCount: rows.count, rowEntryStart: [], presentSlots: present, slotRange: rows)
    }

    private init(
        definition: [UInt32], repetition: [UInt32], entryCount: Int, rowEntryStart: [Int], presentSlots: [Int]?,
        slotRange: Range<Int>
    ) {
        self.definition = definition
        self.repetition = repetition
        self.entryCount = entryCount
        self.rowEntryStart = rowEntryStart
        self.presentSlots = presentSlots
        self.slotRange = slotRange
    }

    private init(listColumn column: ColumnArray, list: ListLayout, rows: Range<Int>, leaf: LeafColumn) {
        let firstSlot = list.offsets[rows.lowerBound]
        let endSlot = list.offsets[rows.upperBound]
        slotRange = firstSlot..<endSlot
        let maxDef = UInt32(leaf.maxDefinitionLevel)
        let nullElementDef = UInt32(leaf.elementLevel)
        let emptyDef = UInt32(leaf.listDefinedLevel)
        var defs: [UInt32] = []
        var reps: [UInt32] = []
        var starts: [Int] = []
        let capacity = (endSlot - firstSlot) + rows.count
        defs.reserveCapacity(capacity)
        reps.reserveCapacity(capacity)
        starts.reserveCapacity(rows.count + 1)
        var present: [Int] = []
        var anyNull = false
        let validity = column.validity
        for row in rows {
            starts.append(defs.count)
            let lo = list.offsets[row]
            let hi = list.offsets[row + 1]
            if !list.isValid(row) {
                defs.append(0)
                reps.append(0)
                continue
            }
            if lo == hi {
                defs.append(emptyDef)
                reps.append(0)
                continue
            }
            for slot in lo..<hi {
                reps.append(slot == lo ? 0 : 1)
                if validity?[slot] ?? true {
                    defs.append(maxDef)
                    if anyNull { present.append(slot) }
                } else {
                    if !anyNull {
                        anyNull = true
                        present = Array(firstSlot..<slot)
                    }
                    defs.append(nullElementDef)
                }
            }
        }
        starts.append(defs.count)
        definition = defs
        repetition = reps
        rowEntryStart = starts
        entryCount = defs.count
        presentSlots = anyNull ? present : nil
    }

    /// The level-entry range of rows `rows` (relative to the first row shredded).
    func entryRange(rows: Range<Int>) -> Range<Int> {
        rowEntryStart.isEmpty ? rows : rowEntryStart[rows.lowerBound]..<rowEntryStart[rows.upperBound]
    }
}
