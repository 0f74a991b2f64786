import Columnar
import Foundation

/// What an ingest run counted, for the bad-line check, the quarantine and the task log.
struct IngestCounts {
    let day: String
    /// Non-blank lines per file (event files by name, dims files as `dims/…`).
    private(set) var lines: [String: Int] = [:]
    /// Every bad line, sorted by file then line.
    private(set) var badLines: [BadLine]
    /// Accepted events per type.
    private(set) var typeCounts: [Int]
    var unknownItemPurchases = 0
    var unknownExposureClicks = 0
    var eventsWritten = 0
    var spilledRuns = 0
    var orphanCategories: Int

    init(day: String, workers: [IngestWorker], dims: DimensionTables, files: [String]) {
        self.day = day
        for (i, name) in files.enumerated() { lines[name] = workers.reduce(0) { $0 + $1.state.lines[i] } }
        lines.merge(dims.lines) { a, _ in a }
        badLines = (workers.flatMap(\.state.badLines) + dims.badLines).sorted {
            $0.file != $1.file ? $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) : $0.line < $1.line
        }
        typeCounts = (0..<EventType.allCases.count).map { t in workers.reduce(0) { $0 + $1.state.typeCounts[t] } }
        orphanCategories = dims.orphanCategories
    }

    /// Non-blank lines read (events and dims).
    var totalLines: Int { lines.values.reduce(0, +) }

    /// Fails when more than `max` of the lines are bad, naming the file with the most bad lines.
    func checkBadFraction(max: Double) throws {
        let total = totalLines
        guard total > 0, Double(badLines.count) > max * Double(total) else { return }
        var perFile: [String: Int] = [:]
        for bad in badLines { perFile[bad.file, default: 0] += 1 }
        let worst = perFile.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!
        let example = badLines.first { $0.file == worst.key }!
        throw StageError(
            .badInput,
            String(
                format: "ingest of %@: %d of %d lines (%.2f%%) are bad, more than max_bad_fraction %g; the worst file is '%@' with %d bad of %d lines (e.g. line %lld: %@); fix the producer or raise max_bad_fraction",
                day, badLines.count, total, 100 * Double(badLines.count) / Double(total), max, worst.key, worst.value,
                lines[worst.key] ?? 0, example.line, example.reason))
    }

    /// The quarantine rows.
    func quarantineBatch() throws -> RecordBatch {
        var out = BatchBuilder(DatasetSchemas.quarantine)
        for bad in badLines {
            out["file"].append(string: bad.file)
            out["line"].append(int64: bad.line)
            out["raw"].append(string: bad.raw)
            out["reason"].append(string: bad.reason)
        }
        return try out.build()
    }

    /// The lines this run adds to the task log.
    var logLines: [String] {
        var out: [String] = []
        let good = typeCounts.reduce(0, +)
        out.append("ingest \(day): \(totalLines) lines in \(lines.count) files; \(good) events kept, \(eventsWritten) written; \(badLines.count) bad lines quarantined; \(spilledRuns) sorted runs spilled")
        out.append("ingest \(day): events by type: " + EventType.allCases.map { "\($0.name) \(typeCounts[Int($0.rawValue)])" }.joined(separator: ", "))
        var kinds: [String: Int] = [:]
        for bad in badLines { kinds[bad.reasonKind, default: 0] += 1 }
        for (kind, n) in kinds.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            out.append("ingest \(day): bad: \(n) × \(kind)")
        }
        out.append("ingest \(day): hint clicks of an exposure not logged that day: \(unknownExposureClicks); purchases of items not in the catalogue: \(unknownItemPurchases)")
        if orphanCategories > 0 { out.append("ingest \(day): categories whose parent is not listed: \(orphanCategories)") }
        return out
    }

    /// Appends ``logLines`` to the task log (best effort: a log that cannot be written is no reason to fail).
    func appendLog(to path: String) {
        let text = logLines.joined(separator: "\n") + "\n"
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
