/// Merges sorted inputs (``RunCursor``) into one sequence in (user, ts, seq) order, handed on in
/// blocks of exactly `blockRows` rows (the last block shorter), so that the blocks, and the row
/// groups written from them, do not depend on how the input was split into runs.
///
/// The inputs sit in a binary heap keyed by their current row; the smallest gives rows until it
/// passes the next smallest, so a merge step costs O(log inputs) and runs of rows are copied at once.
enum RunMerger {
    /// Merges `cursors`, calling `emit` with each block.
    static func merge(_ cursors: [RunCursor], blockRows: Int, emit: (IngestRows) throws -> Void) throws {
        var heap = try cursors.filter { try $0.refill() }
        func less(_ a: RunCursor, _ b: RunCursor) -> Bool { a.rows.precedes(a.position, b.rows, b.position) }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && less(heap[l], heap[m]) { m = l }
                if r < heap.count && less(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }

        var out = IngestRows()
        out.reserve(blockRows)
        while let c = heap.first {
            // The next smallest input is one of the root's children.
            var next: RunCursor?
            if heap.count > 1 { next = heap[1] }
            if heap.count > 2, less(heap[2], heap[1]) { next = heap[2] }
            let limit = min(c.rows.count, c.position + blockRows - out.count)
            var end = c.position + 1
            if let next {
                while end < limit && c.rows.precedes(end, next.rows, next.position) { end += 1 }
            } else {
                end = limit
            }
            if end - c.position == 1 { out.appendRow(c.rows, c.position) } else { out.append(c.rows, rows: c.position..<end) }
            c.position = end
            if out.count >= blockRows {
                try emit(out)
                out.removeAll()
            }
            if try c.refill() {
                siftDown(0)
            } else {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
                if !heap.isEmpty { siftDown(0) }
            }
        }
        if out.count > 0 { try emit(out) }
    }
}
