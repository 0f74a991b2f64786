/// In-place growth of ``ColumnValues``.
///
/// Each method moves the payload array out of `self` before growing it (`self` briefly holds an
/// empty placeholder), so the array stays uniquely referenced and grows in place instead of being
/// copied: switching on a tuple such as `(self, other)` would keep a second reference alive.
extension ColumnValues {
    /// Appends `other`, which must be the same kind.
    public mutating func append(_ other: ColumnValues) {
        switch self {
        case .boolean(var a):
            guard case .boolean(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .boolean(a)
        case .int32(var a):
            guard case .int32(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .int32(a)
        case .int64(var a):
            guard case .int64(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .int64(a)
        case .float(var a):
            guard case .float(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .float(a)
        case .double(var a):
            guard case .double(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .double(a)
        case .byteArray(var a):
            guard case .byteArray(let b) = other else { mismatch(other) }
            self = .boolean([])
            a.append(contentsOf: b)
            self = .byteArray(a)
        }
    }

    /// Appends one slot per entry of `slots`: the next value of `dense` where the entry is `true`,
    /// a placeholder (zero, `false`, empty) where it is `false`. `dense` holds exactly as many
    /// values as `slots` has `true` entries.
    mutating func appendScattered(_ dense: ColumnValues, slots: UnsafeBufferPointer<Bool>) {
        func spread<T>(_ d: [T], _ placeholder: T, into s: inout [T]) {
            let start = s.count
            s.append(contentsOf: repeatElement(placeholder, count: slots.count))
            s.withUnsafeMutableBufferPointer { out in
                d.withUnsafeBufferPointer { d in
                    guard let dst = out.baseAddress, let src = d.baseAddress else { return }
                    var k = 0
                    for i in 0..<slots.count where slots[i] {
                        dst[start + i] = src[k]
                        k += 1
                    }
                }
            }
        }
        switch self {
        case .boolean(var a):
            guard case .boolean(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            spread(b, false, into: &a)
            self = .boolean(a)
        case .int32(var a):
            guard case .int32(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            spread(b, 0, into: &a)
            self = .int32(a)
        case .int64(var a):
            guard case .int64(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            spread(b, 0, into: &a)
            self = .int64(a)
        case .float(var a):
            guard case .float(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            spread(b, 0, into: &a)
            self = .float(a)
        case .double(var a):
            guard case .double(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            spread(b, 0, into: &a)
            self = .double(a)
        case .byteArray(var a):
            guard case .byteArray(let b) = dense else { mismatch(dense) }
            self = .boolean([])
            let base = a.bytes.count
            a.bytes.append(contentsOf: b.bytes)
            let start = a.offsets.count
            a.offsets.append(contentsOf: repeatElement(0, count: slots.count))
            a.offsets.withUnsafeMutableBufferPointer { out in
                b.offsets.withUnsafeBufferPointer { src in
                    var k = 0
                    for i in 0..<slots.count {
                        if slots[i] { k += 1 }
                        out[start + i] = base + src[k]
                    }
                }
            }
            self = .byteArray(a)
        }
    }

    /// Reserves room for `count` more slots (call once, with the final size: repeated small
    /// reservations defeat the array's geometric growth).
    mutating func reserveSlots(_ count: Int) {
        switch self {
        case .boolean(var a): self = .int32([]); a.reserveCapacity(a.count + count); self = .boolean(a)
        case .int32(var a): self = .boolean([]); a.reserveCapacity(a.count + count); self = .int32(a)
        case .int64(var a): self = .boolean([]); a.reserveCapacity(a.count + count); self = .int64(a)
        case .float(var a): self = .boolean([]); a.reserveCapacity(a.count + count); self = .float(a)
        case .double(var a): self = .boolean([]); a.reserveCapacity(a.count + count); self = .double(a)
        case .byteArray(var a): self = .boolean([]); a.offsets.reserveCapacity(a.offsets.count + count); self = .byteArray(a)
        }
    }

    /// For byte arrays, reserves room for `count` more bytes of values (no-op for other kinds).
    mutating func reserveBytes(_ count: Int) {
        guard case .byteArray(var a) = self else { return }
        self = .boolean([])
        a.bytes.reserveCapacity(a.bytes.count + count)
        self = .byteArray(a)
    }

    func mismatch(_ other: ColumnValues) -> Never {
        preconditionFailure("cannot append \(other.kindName) to \(kindName)")
    }
}

extension ByteArrayColumn {
    /// Appends every value of `other`.
    public mutating func append(contentsOf other: ByteArrayColumn) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + base })
    }
}
