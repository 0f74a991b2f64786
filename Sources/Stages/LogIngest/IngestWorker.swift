import CSimdJSON
import Columnar
import Foundation

/// One parsing thread of the ingest: its simdjson parser and query table, the events it accepted
/// (per bucket, compact), its bad lines and counts, and the sorted runs it spilled.
final class IngestWorker: @unchecked Sendable {
    /// What every worker shares (read only).
    struct Setup: Sendable {
        var dayLabel: String
        var dayStart: Int64
        var dayEnd: Int64
        var fileNames: [String]
        var buckets: Int
        /// Buffered weight (rows, plus a quarter row per candidate) before this worker spills.
        var bufferWeight: Int
        var spillFolder: String
        var spillGroupRows: Int
    }

    /// A sorted run on disk: its file and the worker whose query ids it holds.
    struct SpilledRun: Sendable {
        var path: String
        var worker: Int
    }

    /// Everything a worker accumulates. Kept in a struct and worked on as a local variable, so the
    /// per-row loop pays no dynamic exclusivity checks of class properties.
    struct State {
        /// Accepted events not yet spilled, per bucket.
        var buffers: [IngestRows]
        /// Spilled runs, per bucket.
        var spilled: [[SpilledRun]]
        var weight = 0
        var spills = 0
        /// Counts per canonical query id: searches, hint clicks, appearances as a candidate; and
        /// whether any accepted event logged it.
        var searches: [Int64] = []
        var hintClicks: [Int64] = []
        var candidateCount: [Int64] = []
        var logged: [Bool] = []
        /// Non-blank lines per file.
        var lines: [Int]
        var badLines: [BadLine] = []
        /// Accepted events per type code.
        var typeCounts = [Int](repeating: 0, count: EventType.allCases.count)
    }

    let id: Int
    let setup: Setup
    let parser: OpaquePointer
    private(set) var strings: QueryStrings
    /// The accumulated state (moved out while a chunk is processed).
    var state: State
    private let buffer: ChunkBuffer

    /// A worker numbered `id`.
    init(id: Int, setup: Setup, chunkBytes: Int) throws {
        guard let parser = aigq_ingest_parser_create() else { throw StageError(.io, "cannot create a JSON parser (out of memory)") }
        self.id = id
        self.setup = setup
        self.parser = parser
        strings = QueryStrings(table: aigq_ingest_parser_queries(parser))
        state = State(
            buffers: Array(repeating: IngestRows(), count: setup.buckets), spilled: Array(repeating: [], count: setup.buckets),
            lines: Array(repeating: 0, count: setup.fileNames.count))
        buffer = ChunkBuffer(capacity: chunkBytes + chunkBytes / 4)
    }

    deinit { aigq_ingest_parser_destroy(parser) }

    /// Parses chunks from `source` until it is empty.
    func run(_ source: ChunkSource) throws {
        var s = State(buffers: [], spilled: [], lines: [])
        swap(&s, &state)
        defer { swap(&s, &state) }
        while let origin = try source.next(into: buffer) {
            try process(origin, &s)
        }
    }

    /// Parses the chunk in ``buffer`` and files its rows and bad lines into `s`.
    private func process(_ origin: ChunkSource.Origin, _ s: inout State) throws {
        var chunk = aigq_events_chunk()
        let status = setup.dayLabel.withCString { label in
            aigq_parse_events(parser, buffer.base, buffer.count, origin.firstLine, setup.dayStart, setup.dayEnd, label, &chunk)
        }
        guard status == 0 else {
            throw StageError(.io, "out of memory while parsing '\(setup.fileNames[origin.file])' from line \(origin.firstLine)")
        }
        s.lines[origin.file] += chunk.lines
        strings.resolveNew()
        Self.growCounts(&s, to: strings.count)
        let fileName = setup.fileNames[origin.file]
        let base = buffer.base
        let bad = chunk.bad
        for k in 0..<bad.count {
            let reasonStart = k == 0 ? 0 : Int(bad.reason_end[k - 1])
            let reason = String(decoding: UnsafeRawBufferPointer(start: bad.reasons + reasonStart, count: Int(bad.reason_end[k]) - reasonStart).bindMemory(to: UInt8.self), as: UTF8.self)
            s.badLines.append(BadLine(
                file: fileName, line: bad.line[k], bytes: UnsafeBufferPointer(start: base + Int(bad.start[k]), count: Int(bad.length[k])), reason: reason))
        }
        let canonical = strings.canonical
        let blank = strings.blank
        let buckets = setup.buckets
        try canonical.withUnsafeBufferPointer { canon in
            for r in 0..<chunk.rows {
                let rawQuery = chunk.query[r]
                let query = rawQuery >= 0 ? canon[Int(rawQuery)] : -1
                let c0 = r == 0 ? 0 : Int(chunk.candidate_end[r - 1]), c1 = Int(chunk.candidate_end[r])
                var blankField: String?
                if query == blank { blankField = "query" }
                for c in c0..<c1 where blankField == nil && canon[Int(chunk.candidate_query[c])] == blank {
                    blankField = "candidates[\(c - c0)].query"
                }
                if let blankField {
                    s.badLines.append(BadLine(
                        file: fileName, line: chunk.line[r],
                        bytes: UnsafeBufferPointer(start: base + Int(chunk.line_start[r]), count: Int(chunk.line_length[r])),
                        reason: "field '\(blankField)' is blank"))
                    continue
                }
                let type = chunk.type[r]
                s.typeCounts[Int(type)] += 1
                let e0 = r == 0 ? 0 : Int(chunk.exposure_end[r - 1]), e1 = Int(chunk.exposure_end[r])
                switch EventType(rawValue: type) {
                case .search: s.searches[Int(query)] += 1
                case .hintClick: s.hintClicks[Int(query)] += 1
                default: break
                }
                if query >= 0 { s.logged[Int(query)] = true }
                for c in c0..<c1 {
                    let q = Int(canon[Int(chunk.candidate_query[c])])
                    s.candidateCount[q] += 1
                    s.logged[q] = true
                }
                let b = UserBucketing.bucket(of: chunk.user[r], buckets: buckets)
                Self.append(row: r, of: chunk, query: query, candidates: c0..<c1, exposure: e0..<e1, canonical: canon, file: origin.file, into: &s.buffers[b])
                s.weight += 1 + (c1 - c0) / 4
                if s.weight > setup.bufferWeight || s.buffers[b].nearOffsetLimit { try spill(&s) }
            }
        }
    }

    private static func append(
        row r: Int, of chunk: aigq_events_chunk, query: Int32, candidates: Range<Int>, exposure: Range<Int>,
        canonical canon: UnsafeBufferPointer<Int32>, file: Int, into rows: inout IngestRows
    ) {
        rows.user.append(chunk.user[r])
        rows.ts.append(chunk.ts[r])
        rows.seq.append(IngestRows.seq(file: file, line: chunk.line[r]))
        rows.type.append(chunk.type[r])
        rows.source.append(chunk.source[r])
        rows.flags.append(chunk.flags[r])
        rows.query.append(query)
        rows.item.append(chunk.item[r])
        rows.price.append(chunk.price[r])
        rows.shown.append(chunk.shown[r])
        if !exposure.isEmpty {
            rows.exposureBytes.append(contentsOf: UnsafeBufferPointer(start: chunk.exposure_bytes + exposure.lowerBound, count: exposure.count))
        }
        rows.exposureEnd.append(UInt32(rows.exposureBytes.count))
        for c in candidates {
            rows.candidateQuery.append(canon[Int(chunk.candidate_query[c])])
            rows.candidateScore.append(chunk.candidate_score[c])
        }
        rows.candidateEnd.append(UInt32(rows.candidateQuery.count))
    }

    private static func growCounts(_ s: inout State, to n: Int) {
        guard s.searches.count < n else { return }
        let extra = n - s.searches.count
        s.searches.append(contentsOf: repeatElement(0, count: extra))
        s.hintClicks.append(contentsOf: repeatElement(0, count: extra))
        s.candidateCount.append(contentsOf: repeatElement(0, count: extra))
        s.logged.append(contentsOf: repeatElement(false, count: extra))
    }

    /// Writes every bucket's buffered rows as a sorted run and empties the buffers.
    private func spill(_ s: inout State) throws {
        for b in 0..<setup.buckets where s.buffers[b].count > 0 {
            let path = setup.spillFolder + "/run-w\(id)-\(s.spills)-b\(b)"
            try RunFile.Writer(path: path).write(s.buffers[b].sorted(), blockRows: setup.spillGroupRows)
            s.spilled[b].append(SpilledRun(path: path, worker: id))
            s.buffers[b].removeAll()
        }
        s.spills += 1
        s.weight = 0
    }
}
