/// Gathering the present (non-null) values of a run of rows into contiguous storage: what data
/// pages hold. Dense values use ``ColumnValues`` with one slot per present value.
extension ColumnValues {
    /// The present slots of `self` described by `levels`, contiguous.
    init(presentIn values: ColumnValues, levels: ColumnLevels) {
        switch values {
        case .boolean(let v): self = .boolean(Self.gather(v, levels))
        case .int32(let v): self = .int32(Self.gather(v, levels))
        case .int64(let v): self = .int64(Self.gather(v, levels))
        case .float(let v): self = .float(Self.gather(v, levels))
        case .double(let v): self = .double(Self.gather(v, levels))
        case .byteArray(let v): self = .byteArray(Self.gather(v, levels))
        }
    }

    private static func gather<T>(_ values: [T], _ levels: ColumnLevels) -> [T] {
        guard let slots = levels.presentSlots else {
            let range = levels.slotRange
            return range == values.indices ? values : Array(values[range])
        }
        return values.withUnsafeBufferPointer { src in
            [T](unsafeUninitializedCapacity: slots.count) { dst, n in
                for (k, slot) in slots.enumerated() { (dst.baseAddress! + k).initialize(to: src[slot]) }
                n = slots.count
            }
        }
    }

    private static func gather(_ values: ByteArrayColumn, _ levels: ColumnLevels) -> ByteArrayColumn {
        if levels.presentSlots == nil, levels.slotRange == 0..<values.count { return values }
        var out = ByteArrayColumn()
        if let slots = levels.presentSlots {
            out.reserve(values: slots.count, bytes: slots.reduce(0) { $0 + values.length(at: $1) })
            for slot in slots { out.append(values[slot]) }
        } else {
            let range = levels.slotRange
            let lo = values.offsets[range.lowerBound]
            let hi = values.offsets[range.upperBound]
            out.bytes = Array(values.bytes[lo..<hi])
            out.offsets = values.offsets[range.lowerBound...range.upperBound].map { $0 - lo }
        }
        return out
    }
}
