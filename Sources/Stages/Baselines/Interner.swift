/// Values numbered densely in order of first sight (0, 1, 2, …), so counts can be kept in arrays
/// and pairs packed into integers.
struct Interner<Value: Hashable> {
    /// Value → id.
    private(set) var ids: [Value: Int32] = [:]
    /// Id → value.
    private(set) var values: [Value] = []

    /// The id of `value`, numbering it if it is new.
    mutating func id(_ value: Value) -> Int32 {
        if let id = ids[value] { return id }
        let id = Int32(values.count)
        ids[value] = id
        values.append(value)
        return id
    }

    /// The value of `id`.
    subscript(id: Int32) -> Value { values[Int(id)] }

    /// The number of values.
    var count: Int { values.count }
}
