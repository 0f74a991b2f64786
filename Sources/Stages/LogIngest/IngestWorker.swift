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
        var knownItems: Set<Int64>
    }

    /// A sorted run on disk: its file and the worker whose query ids it holds.
    struct SpilledRun: Sendable {
        var path: String
        var worker: Int
    }

    let id: Int
    let setup: Setup
    let parser: OpaquePointer
    private(set) var strings: QueryStrings
    /// Accepted events not yet spilled, per bucket.
    var buffers: [EventRows]
    /// Spilled runs, per bucket.
    private(set) var spilled: [[SpilledRun]]
    private var weight = 0
    private var spills = 0
    private let buffer: ChunkBuffer

    /// Counts per canonical query id: searches, hint clicks, appearances as a candidate; and whether
    /// any accepted event logged it.
    private(set) var searches: [Int64] = []
    private(set) var hintClicks: [Int64] = []
    private(set) var candidateCount: [Int64] = []
    private(set) var logged: [Bool] = []
    /// Non-blank lines and bad lines per file.
    private(set) var lines: [Int]
    private(set) var badLines: [BadLine] = []
    /// Accepted events per type code.
    private(set) var typeCounts = [Int](repeating: 0, count: EventType.allCases.count)
    /// Hashes of the exposures logged by `hint_exposure` events and of those `hint_click`s name.
    private(set) var exposureHashes: [UInt64] = []
    private(set) var clickHashes: [UInt64] = []
    private(set) var unknownItemPurchases = 0

    /// A worker numbered `id`.
    init(id: Int, setup: Setup, chunkBytes: Int) throws {
        guard let parser = aigq_ingest_parser_create() else { throw StageError(.io, "cannot create a JSON parser (out of memory)") }
        self.id = id
        self.setup = setup
        self.parser = parser
        strings = QueryStrings(table: aigq_ingest_parser_queries(parser))
        buffers = Array(repeating: EventRows(), count: setup.buckets)
        spilled = Array(repeating: [], count: setup.buckets)
        lines = Array(repeating: 0, count: setup.fileNames.count)
        buffer = ChunkBuffer(capacity: chunkBytes + chunkBytes / 4)
    }

    deinit { aigq_ingest_parser_destroy(parser) }

    /// Parses chunks from `source` until it is empty.
    func run(_ source: ChunkSource) throws {
        while let origin = try source.next(into: buffer) {
            try process(origin)
        }
    }

    /// Parses the chunk in ``buffer`` and files its rows and bad lines.
    private func process(_ origin: ChunkSource.Origin) throws {
        var chunk = aigq_events_chunk()
        let status = setup.dayLabel.withCString { label in
            aigq_parse_events(parser, buffer.base, buffer.count, origin.firstLine, setup.dayStart, setup.dayEnd, label, &chunk)
        }
        guard status == 0 else {
            throw StageError(.io, "out of memory while parsing '\(setup.fileNames[origin.file])' from line \(origin.firstLine)")
        }
        lines[origin.file] += chunk.lines
        strings.resolveNew()
        growCounts()
        let fileName = setup.fileNames[origin.file]
        let bad = chunk.bad
        for k in 0..<bad.count {
            let reasonStart = k == 0 ? 0 : Int(bad.reason_end[k - 1])
            let reason = String(decoding: UnsafeRawBufferPointer(start: bad.reasons + reasonStart, count: Int(bad.reason_end[k]) - reasonStart).bindMemory(to: UInt8.self), as: UTF8.self)
            badLines.append(BadLine(
                file: fileName, line: bad.line[k],
                bytes: UnsafeBufferPointer(start: buffer.base + Int(bad.start[k]), count: Int(bad.length[k])), reason: reason))
        }
        let canonical = strings.canonical
        let blank = strings.blank
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
                    badLines.append(BadLine(
                        file: fileName, line: chunk.line[r],
                        bytes: UnsafeBufferPointer(start: buffer.base + Int(chunk.line_start[r]), count: Int(chunk.line_length[r])),
                        reason: "field '\(blankField)' is blank"))
                    continue
                }
                let type = chunk.type[r]
                typeCounts[Int(type)] += 1
                let e0 = r == 0 ? 0 : Int(chunk.exposure_end[r - 1]), e1 = Int(chunk.exposure_end[r])
                switch EventType(rawValue: type) {
                case .search: searches[Int(query)] += 1
                case .hintClick:
                    hintClicks[Int(query)] += 1
                    clickHashes.append(aigq_hash_bytes(chunk.exposure_bytes + e0, e1 - e0))
                case .hintExposure:
                    exposureHashes.append(aigq_hash_bytes(chunk.exposure_bytes + e0, e1 - e0))
                case .purchase:
                    if !setup.knownItems.contains(chunk.item[r]) { unknownItemPurchases += 1 }
                default: break
                }
                if query >= 0 { logged[Int(query)] = true }
                let b = UserBucketing.bucket(of: chunk.user[r], buckets: setup.buckets)
                append(row: r, of: chunk, query: query, candidates: c0..<c1, exposure: e0..<e1, canonical: canon, file: origin.file, into: &buffers[b])
                weight += 1 + (c1 - c0) / 4
                if weight > setup.bufferWeight || buffers[b].nearOffsetLimit { try spill() }
            }
        }
    }

    private func append(
        row r: Int, of chunk: aigq_events_chunk, query: Int32, candidates: Range<Int>, exposure: Range<Int>,
        canonical canon: UnsafeBufferPointer<Int32>, file: Int, into rows: inout EventRows
    ) {
        rows.user.append(chunk.user[r])
        rows.ts.append(chunk.ts[r])
        rows.seq.append(EventRows.seq(file: file, line: chunk.line[r]))
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
            let q = canon[Int(chunk.candidate_query[c])]
            rows.candidateQuery.append(q)
            rows.candidateScore.append(chunk.candidate_score[c])
            candidateCount[Int(q)] += 1
            logged[Int(q)] = true
        }
        rows.candidateEnd.append(UInt32(rows.candidateQuery.count))
    }

    private func growCounts() {
        let n = strings.count
        guard searches.count < n else { return }
        let extra = n - searches.count
        searches.append(contentsOf: repeatElement(0, count: extra))
        hintClicks.append(contentsOf: repeatElement(0, count: extra))
        candidateCount.append(contentsOf: repeatElement(0, count: extra))
        logged.append(contentsOf: repeatElement(false, count: extra))
    }

    /// Writes every bucket's buffered rows as a sorted run and empties the buffers.
    func spill() throws {
        for b in 0..<setup.buckets where buffers[b].count > 0 {
            let path = setup.spillFolder + "/run-w\(id)-\(spills)-b\(b).parquet"
            try Self.writeRun(buffers[b].sorted(), to: path, rowGroupRows: setup.spillGroupRows)
            spilled[b].append(SpilledRun(path: path, worker: id))
            buffers[b] = EventRows()
        }
        spills += 1
        weight = 0
    }

    /// Writes sorted rows as a spilled run.
    static func writeRun(_ rows: EventRows, to path: String, rowGroupRows: Int) throws {
        do {
            let writer = try ParquetFileWriter(path: path, schema: EventRows.spillSchema, options: EventRows.spillOptions(rowGroupRows: rowGroupRows))
            try writer.write(rows.spillBatch())
            try writer.close()
        } catch let error as ColumnarError {
            throw StageError(.io, "cannot write the sorted run '\(path)': \(error)")
        }
    }

    /// How many runs this worker spilled.
    var spillCount: Int { spills }
}
