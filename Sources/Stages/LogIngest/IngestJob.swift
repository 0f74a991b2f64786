import CSimdJSON
import Columnar
import Foundation
import PipelineCore

/// One run of ``IngestStage`` for one day.
struct IngestJob {
    let context: StageContext
    let day: String
    let buckets: Int
    let maxBadFraction: Double
    let waitSeconds: Int
    let bufferRows: Int
    let chunkBytes: Int
    let threads: Int
    /// Rows per row group of the events shards (and per merged block).
    let rowGroupRows: Int

    /// Most sorted inputs merged at once.
    static let fanIn = 64

    init(_ context: StageContext) throws {
        self.context = context
        day = try context.requireDay()
        buckets = try context.intParam("buckets")
        maxBadFraction = try context.doubleParam("max_bad_fraction")
        waitSeconds = try context.intParam("wait_seconds")
        bufferRows = try context.intParam("buffer_rows")
        chunkBytes = try context.intParam("chunk_mib") << 20
        threads = max(1, min(context.threads, 64))
        rowGroupRows = try context.intParam("row_group_rows")
        guard rowGroupRows >= 1 else { throw StageError(.badParam, "param 'row_group_rows' is \(rowGroupRows); use at least 1") }
        guard (1...1000).contains(buckets) else { throw StageError(.badParam, "param 'buckets' is \(buckets); use 1…1000") }
        guard (0...1).contains(maxBadFraction) else { throw StageError(.badParam, "param 'max_bad_fraction' is \(maxBadFraction); use 0…1") }
        guard bufferRows >= 1 else { throw StageError(.badParam, "param 'buffer_rows' is \(bufferRows); use at least 1") }
        guard (1...1024).contains(chunkBytes >> 20) else { throw StageError(.badParam, "param 'chunk_mib' is \(chunkBytes >> 20); use 1…1024") }
    }

    func run() throws -> StageResult {
        let raw = try RawDay.locate(context, day: day, waitSeconds: waitSeconds)
        let outputs = try ["events", "quarantine", "users", "items", "categories", "queries"].reduce(into: [String: String]()) {
            $0[$1] = try context.outputFolder($1)
        }
        let spillFolder = Self.spillFolder(beside: outputs["events"]!)
        defer { try? FileManager.default.removeItem(atPath: spillFolder) }
        try DatasetFiles.makeFolder(spillFolder)

        // Parse the dims files and the day's events: `threads` threads take the tasks (dims first,
        // then one per worker; a worker parses chunks until none is left).
        let setup = IngestWorker.Setup(
            dayLabel: day, dayStart: Day.startMillis(day), dayEnd: Day.startMillis(day) + Day.millis,
            fileNames: raw.eventFiles.map(\.name), buckets: buckets, bufferWeight: max(1, bufferRows / threads),
            spillFolder: spillFolder, spillGroupRows: max(1024, bufferRows / (Self.fanIn * threads)))
        let workers = try (0..<threads).map { try IngestWorker(id: $0, setup: setup, chunkBytes: chunkBytes) }
        let source = ChunkSource(paths: raw.eventFiles.map(\.path), chunkBytes: chunkBytes)
        let dimsOutputs = ["users", "items", "categories"].reduce(into: [String: String]()) { $0[$1] = outputs[$1]! + "/part-00000.parquet" }
        let parsed = try parallelMap(threads + 1, threads: threads) { i -> DimensionTables? in
            guard i > 0 else {
                return try DimensionTables.read(raw.dimsFiles, chunkBytes: min(chunkBytes, 4 << 20), outputs: dimsOutputs)
            }
            try workers[i - 1].run(source)
            return nil
        }
        guard let dims = parsed[0] else { preconditionFailure("the dims task returned nothing") }

        // Bad lines: quarantine them, and stop when there are too many.
        var counts = IngestCounts(day: day, workers: workers, dims: dims, files: raw.eventFiles.map(\.name))
        try counts.checkBadFraction(max: maxBadFraction)

        // Queries: one global table of the workers' normalised texts.
        let queries = GlobalQueries(workers: workers)

        // Events: per bucket, merge the in-memory and spilled sorted runs into one sorted shard.
        let written = try EventsWriter(
            folder: outputs["events"]!, spillFolder: spillFolder, pool: queries.pool, remaps: queries.remaps,
            rowGroupRows: rowGroupRows, fanIn: max(Self.fanIn, threads + 2), spillGroupRows: setup.spillGroupRows, knownItems: dims.knownItems
        ).write(workers: workers, buckets: buckets, threads: threads)
        counts.eventsWritten = written.rows
        counts.unknownExposureClicks = written.unknownExposureClicks
        counts.unknownItemPurchases = written.unknownItemPurchases

        try DatasetFiles.write(try counts.quarantineBatch(), to: outputs["quarantine"]! + "/part-00000.parquet")
        try DatasetFiles.write(try queries.dimension(dictionary: dims.dictionary), to: outputs["queries"]! + "/part-00000.parquet")
        counts.spilledRuns = workers.reduce(0) { $0 + $1.state.spills }
        counts.appendLog(to: context.logPath)
        return StageResult(rowsIn: counts.totalLines, rowsOut: written.rows)
    }

    /// A hidden temporary folder beside the events output folder (swept as a leftover if killed).
    static func spillFolder(beside events: String) -> String {
        let parent = (events as NSString).deletingLastPathComponent
        var name = (events as NSString).lastPathComponent
        while name.hasPrefix(".") { name.removeFirst() }
        return "\(parent)/.\(name).spill.tmp-\(getpid())"
    }
}
