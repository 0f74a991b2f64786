/// Merges sorted inputs (``RunCursor``) into one sequence in (user, ts, seq) order, handed on in
/// blocks of exactly `blockRows` rows (the last block shorter), so that the blocks, and the row
/// groups written from them, do not depend on how the input was split into runs.
enum RunMerger {
    /// Merges `cursors`, calling `emit` with each block.
    static func merge(_ cursors: [RunCursor], blockRows: Int, emit: (IngestRows) throws -> Void) throws {
        var active = try cursors.filter { try $0.refill() }
        var out = IngestRows()
        out.reserve(blockRows)
        func flushIfFull() throws {
            if out.count >= blockRows {
                try emit(out)
                out = IngestRows()
                out.reserve(blockRows)
            }
        }
        while !active.isEmpty {
            if active.count == 1 {
                let c = active[0]
                let end = min(c.rows.count, c.position + blockRows - out.count)
                out.append(c.rows, rows: c.position..<end)
                c.position = end
                try flushIfFull()
                if try !c.refill() { active.removeAll() }
                continue
            }
            var best = 0
            for k in 1..<active.count where active[k].rows.precedes(active[k].position, active[best].rows, active[best].position) {
                best = k
            }
            var second = best == 0 ? 1 : 0
            for k in 0..<active.count where k != best && k != second {
                if active[k].rows.precedes(active[k].position, active[second].rows, active[second].position) { second = k }
            }
            let c = active[best], s = active[second]
            let limit = min(c.rows.count, c.position + blockRows - out.count)
            var end = c.position + 1
            while end < limit && c.rows.precedes(end, s.rows, s.position) { end += 1 }
            out.append(c.rows, rows: c.position..<end)
            c.position = end
            try flushIfFull()
            if try !c.refill() { active.remove(at: best) }
        }
        if out.count > 0 { try emit(out) }
    }
}
