/// The present (non-null) values of a run of rows, contiguous: what data pages hold.
enum DenseValues {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case float([Float])
    case double([Double])
    case byteArray(ByteArrayColumn)

    /// Gathers the present slots of `values` described by `levels`.
    init(_ values: ColumnValues, levels: ColumnLevels) {
        switch values {
        case .boolean(let v): self = .boolean(Self.gather(v, levels))
        case .int32(let v): self = .int32(Self.gather(v, levels))
        case .int64(let v): self = .int64(Self.gather(v, levels))
        case .float(let v): self = .float(Self.gather(v, levels))
        case .double(let v): self = .double(Self.gather(v, levels))
        case .byteArray(let v): self = .byteArray(Self.gather(v, levels))
        }
    }

    var count: Int {
        switch self {
        case .boolean(let v): v.count
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .float(let v): v.count
        case .double(let v): v.count
        case .byteArray(let v): v.count
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
