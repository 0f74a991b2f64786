/// Appending dictionary entries by index, with or without null slots between them.
extension ColumnValues {
    /// Appends `dictionary[indices[k]]` for each k, or, when `slots` is given, one slot per entry of
    /// `slots`: the next indexed value where it is `true`, a placeholder where it is `false`.
    /// Every index must already be checked to be in range.
    mutating func appendGathered(_ dictionary: ColumnValues, indices: [UInt32], slots: UnsafeBufferPointer<Bool>?) {
        func pick<T: BitwiseCopyable>(_ d: [T], _ placeholder: T, into s: inout [T]) {
            let n = slots?.count ?? indices.count
            s.appendUninitialized(count: n) { (out: UnsafeMutableBufferPointer<T>) in
                d.withUnsafeBufferPointer { d in
                    indices.withUnsafeBufferPointer { idx in
                        guard let dst = out.baseAddress else { return }
                        guard let src = d.baseAddress, let ix = idx.baseAddress else {
                            dst.initialize(repeating: placeholder, count: n)
                            return
                        }
                        if let slots {
                            var k = 0
                            for i in 0..<n {
                                if slots[i] {
                                    dst[i] = src[Int(ix[k])]
                                    k &+= 1
                                } else {
                                    dst[i] = placeholder
                                }
                            }
                        } else {
                            for i in 0..<n { dst[i] = src[Int(ix[i])] }
                        }
                    }
                }
            }
        }
        switch self {
        case .boolean(var a):
            guard case .boolean(let d) = dictionary else { mismatch(dictionary) }
            self = .int32([])
            pick(d, false, into: &a)
            self = .boolean(a)
        case .int32(var a):
            guard case .int32(let d) = dictionary else { mismatch(dictionary) }
            self = .boolean([])
            pick(d, 0, into: &a)
            self = .int32(a)
        case .int64(var a):
            guard case .int64(let d) = dictionary else { mismatch(dictionary) }
            self = .boolean([])
            pick(d, 0, into: &a)
            self = .int64(a)
        case .float(var a):
            guard case .float(let d) = dictionary else { mismatch(dictionary) }
            self = .boolean([])
            pick(d, 0, into: &a)
            self = .float(a)
        case .double(var a):
            guard case .double(let d) = dictionary else { mismatch(dictionary) }
            self = .boolean([])
            pick(d, 0, into: &a)
            self = .double(a)
        case .byteArray(var a):
            guard case .byteArray(let d) = dictionary else { mismatch(dictionary) }
            self = .boolean([])
            a.appendGathered(d, indices: indices, slots: slots)
            self = .byteArray(a)
        }
    }
}

extension ByteArrayColumn {
    /// The byte-array case of ``ColumnValues/appendGathered(_:indices:slots:)``.
    mutating func appendGathered(_ dictionary: ByteArrayColumn, indices: [UInt32], slots: UnsafeBufferPointer<Bool>?) {
        let n = slots?.count ?? indices.count
        var total = 0
        dictionary.offsets.withUnsafeBufferPointer { o in
            for i in indices { total &+= o[Int(i) + 1] &- o[Int(i)] }
        }
        let startBytes = bytes.count
        // 8 bytes of slack let every value be copied in whole 8-byte words; removed at the end.
        bytes.appendUninitialized(count: total + 8) { outBytes in
            offsets.appendUninitialized(count: n) { outOffsets in
                dictionary.offsets.withUnsafeBufferPointer { o in
                    dictionary.bytes.withUnsafeBufferPointer { src in
                        indices.withUnsafeBufferPointer { ix in
                            guard let dst = outBytes.baseAddress, let offs = outOffsets.baseAddress else { return }
                            let srcBase = src.baseAddress
                            let srcCount = src.count
                            var pos = 0
                            var k = 0
                            for i in 0..<n {
                                if slots?[i] ?? true {
                                    let j = Int(ix[k])
                                    k &+= 1
                                    let lo = o[j]
                                    let len = o[j + 1] &- lo
                                    if let srcBase, len > 0 {
                                        let words = (len &+ 7) >> 3
                                        if len <= 64, lo &+ (words << 3) <= srcCount {
                                            // Whole words: may write up to 7 bytes past this value, which the
                                            // next value (or the slack) overwrites.
                                            let from = UnsafeRawPointer(srcBase + lo)
                                            let to = UnsafeMutableRawPointer(dst + pos)
                                            for w in 0..<words {
                                                to.storeBytes(
                                                    of: from.loadUnaligned(fromByteOffset: w << 3, as: UInt64.self),
                                                    toByteOffset: w << 3, as: UInt64.self)
                                            }
                                        } else {
                                            (dst + pos).initialize(from: srcBase + lo, count: len)
                                        }
                                    }
                                    pos &+= len
                                }
                                offs[i] = startBytes &+ pos
                            }
                            (dst + pos).initialize(repeating: 0, count: total &+ 8 &- pos)
                        }
                    }
                }
            }
        }
        bytes.removeLast(8)
    }
}
