/// Events held compactly in memory, column by column: codes instead of type and source names,
/// query ids instead of query text (ids of a ``QueryStrings`` table), and the tie-break key
/// `seq` = file index << 40 | line number, so that (user, ts, seq) orders rows totally.
struct IngestRows: Sendable {
    var user: [Int64] = []
    var ts: [Int64] = []
    var seq: [Int64] = []
    var type: [UInt8] = []
    var source: [UInt8] = []
    var flags: [UInt8] = []
    /// Query id, -1 when none.
    var query: [Int32] = []
    var item: [Int64] = []
    var price: [Double] = []
    var shown: [Int32] = []
    /// Exposure of row i: `exposureBytes[exposureEnd[i-1] ..< exposureEnd[i]]`.
    var exposureEnd: [UInt32] = []
    var exposureBytes: [UInt8] = []
    /// Candidates of row i: `candidateEnd[i-1] ..< candidateEnd[i]` of the two arrays below.
    var candidateEnd: [UInt32] = []
    var candidateQuery: [Int32] = []
    var candidateScore: [Double] = []

    /// The tie-break key of line `line` of file `file`.
    static func seq(file: Int, line: Int64) -> Int64 { Int64(file) << 40 | line }

    /// The number of rows.
    var count: Int { user.count }

    /// A rough count of the bytes held (for the memory budget).
    var byteEstimate: Int { count * 64 + exposureBytes.count + candidateQuery.count * 12 }

    /// Whether offsets are close to the 32-bit limit (the buffer must be flushed).
    var nearOffsetLimit: Bool { exposureBytes.count > 1 << 31 || candidateQuery.count > 1 << 31 }

    /// Start of row `i`'s exposure bytes.
    @inline(__always) func exposureStart(_ i: Int) -> Int { i == 0 ? 0 : Int(exposureEnd[i - 1]) }
    /// Start of row `i`'s candidates.
    @inline(__always) func candidateStart(_ i: Int) -> Int { i == 0 ? 0 : Int(candidateEnd[i - 1]) }

    /// Removes every row, keeping the arrays' capacity (a spilled buffer fills up again).
    mutating func removeAll() {
        user.removeAll(keepingCapacity: true)
        ts.removeAll(keepingCapacity: true)
        seq.removeAll(keepingCapacity: true)
        type.removeAll(keepingCapacity: true)
        source.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        query.removeAll(keepingCapacity: true)
        item.removeAll(keepingCapacity: true)
        price.removeAll(keepingCapacity: true)
        shown.removeAll(keepingCapacity: true)
        exposureEnd.removeAll(keepingCapacity: true)
        exposureBytes.removeAll(keepingCapacity: true)
        candidateEnd.removeAll(keepingCapacity: true)
        candidateQuery.removeAll(keepingCapacity: true)
        candidateScore.removeAll(keepingCapacity: true)
    }

    /// Reserves room for `rows` more rows.
    mutating func reserve(_ n: Int) {
        user.reserveCapacity(count + n)
        ts.reserveCapacity(count + n)
        seq.reserveCapacity(count + n)
        type.reserveCapacity(count + n)
        source.reserveCapacity(count + n)
        flags.reserveCapacity(count + n)
        query.reserveCapacity(count + n)
        item.reserveCapacity(count + n)
        price.reserveCapacity(count + n)
        shown.reserveCapacity(count + n)
        exposureEnd.reserveCapacity(count + n)
        candidateEnd.reserveCapacity(count + n)
    }

    /// Appends rows `range` of `other`.
    mutating func append(_ other: IngestRows, rows range: Range<Int>) {
        guard !range.isEmpty else { return }
        user.append(contentsOf: other.user[range])
        ts.append(contentsOf: other.ts[range])
        seq.append(contentsOf: other.seq[range])
        type.append(contentsOf: other.type[range])
        source.append(contentsOf: other.source[range])
        flags.append(contentsOf: other.flags[range])
        query.append(contentsOf: other.query[range])
        item.append(contentsOf: other.item[range])
        price.append(contentsOf: other.price[range])
        shown.append(contentsOf: other.shown[range])
        let e0 = other.exposureStart(range.lowerBound), e1 = Int(other.exposureEnd[range.upperBound - 1])
        let eBase = UInt32(exposureBytes.count) &- UInt32(e0)
        exposureBytes.append(contentsOf: other.exposureBytes[e0..<e1])
        for i in range { exposureEnd.append(other.exposureEnd[i] &+ eBase) }
        let c0 = other.candidateStart(range.lowerBound), c1 = Int(other.candidateEnd[range.upperBound - 1])
        let cBase = UInt32(candidateQuery.count) &- UInt32(c0)
        candidateQuery.append(contentsOf: other.candidateQuery[c0..<c1])
        candidateScore.append(contentsOf: other.candidateScore[c0..<c1])
        for i in range { candidateEnd.append(other.candidateEnd[i] &+ cBase) }
    }

    /// Appends row `i` of `other`.
    @inline(__always)
    mutating func appendRow(_ other: IngestRows, _ i: Int) {
        user.append(other.user[i])
        ts.append(other.ts[i])
        seq.append(other.seq[i])
        type.append(other.type[i])
        source.append(other.source[i])
        flags.append(other.flags[i])
        query.append(other.query[i])
        item.append(other.item[i])
        price.append(other.price[i])
        shown.append(other.shown[i])
        let e0 = other.exposureStart(i), e1 = Int(other.exposureEnd[i])
        if e1 > e0 {
            other.exposureBytes.withUnsafeBufferPointer { exposureBytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[e0..<e1])) }
        }
        exposureEnd.append(UInt32(exposureBytes.count))
        let c0 = other.candidateStart(i), c1 = Int(other.candidateEnd[i])
        if c1 > c0 {
            other.candidateQuery.withUnsafeBufferPointer { candidateQuery.append(contentsOf: UnsafeBufferPointer(rebasing: $0[c0..<c1])) }
            other.candidateScore.withUnsafeBufferPointer { candidateScore.append(contentsOf: UnsafeBufferPointer(rebasing: $0[c0..<c1])) }
        }
        candidateEnd.append(UInt32(candidateQuery.count))
    }

    /// The rows in the order of `order` (a permutation, or any list of row indices).
    func taking(_ order: [Int32]) -> IngestRows {
        var out = IngestRows()
        out.user = order.map { user[Int($0)] }
        out.ts = order.map { ts[Int($0)] }
        out.seq = order.map { seq[Int($0)] }
        out.type = order.map { type[Int($0)] }
        out.source = order.map { source[Int($0)] }
        out.flags = order.map { flags[Int($0)] }
        out.query = order.map { query[Int($0)] }
        out.item = order.map { item[Int($0)] }
        out.price = order.map { price[Int($0)] }
        out.shown = order.map { shown[Int($0)] }
        out.exposureBytes.reserveCapacity(exposureBytes.count)
        out.exposureEnd.reserveCapacity(order.count)
        out.candidateQuery.reserveCapacity(candidateQuery.count)
        out.candidateScore.reserveCapacity(candidateScore.count)
        out.candidateEnd.reserveCapacity(order.count)
        for r in order {
            let i = Int(r)
            let e0 = exposureStart(i), e1 = Int(exposureEnd[i])
            if e1 > e0 { out.exposureBytes.append(contentsOf: exposureBytes[e0..<e1]) }
            out.exposureEnd.append(UInt32(out.exposureBytes.count))
            let c0 = candidateStart(i), c1 = Int(candidateEnd[i])
            if c1 > c0 {
                out.candidateQuery.append(contentsOf: candidateQuery[c0..<c1])
                out.candidateScore.append(contentsOf: candidateScore[c0..<c1])
            }
            out.candidateEnd.append(UInt32(out.candidateQuery.count))
        }
        return out
    }

    /// The rows sorted by (user, ts, seq).
    func sorted() -> IngestRows {
        var order = Array(0..<Int32(count))
        user.withUnsafeBufferPointer { u in
            ts.withUnsafeBufferPointer { t in
                seq.withUnsafeBufferPointer { s in
                    order.sort { a, b in
                        let i = Int(a), j = Int(b)
                        if u[i] != u[j] { return u[i] < u[j] }
                        if t[i] != t[j] { return t[i] < t[j] }
                        return s[i] < s[j]
                    }
                }
            }
        }
        return taking(order)
    }

    /// Maps every query id (row queries and candidates) through `remap`.
    mutating func remapQueries(_ remap: [Int32]) {
        remap.withUnsafeBufferPointer { m in
            query.withUnsafeMutableBufferPointer { q in
                for i in q.indices where q[i] >= 0 { q[i] = m[Int(q[i])] }
            }
            candidateQuery.withUnsafeMutableBufferPointer { q in
                for i in q.indices { q[i] = m[Int(q[i])] }
            }
        }
    }

    /// Whether row `i` of `self` comes before row `j` of `other` in (user, ts, seq) order.
    @inline(__always)
    func precedes(_ i: Int, _ other: IngestRows, _ j: Int) -> Bool {
        if user[i] != other.user[j] { return user[i] < other.user[j] }
        if ts[i] != other.ts[j] { return ts[i] < other.ts[j] }
        return seq[i] < other.seq[j]
    }
}
