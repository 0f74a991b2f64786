import Columnar
import Foundation

/// Writes the `events` dataset: for each bucket, merges the workers' in-memory rows and spilled runs
/// into `bucket=NNN/part-00000.parquet`, sorted by (user, ts, seq), row groups of a fixed size so the
/// bytes do not depend on threads, chunking or spilling.
struct EventsWriter {
    let folder: String
    let spillFolder: String
    let pool: QueryPool
    let remaps: [[Int32]]
    let rowGroupRows: Int
    let fanIn: Int
    let spillGroupRows: Int
    let knownItems: Set<Int64>

    /// What was written.
    struct Written {
        var rows = 0
        var unknownExposureClicks = 0
        var unknownItemPurchases = 0
    }

    /// Writes every bucket (up to `threads` at once).
    func write(workers: [IngestWorker], buckets: Int, threads: Int) throws -> Written {
        // Hand each bucket its inputs, taking the rows out of the workers.
        var inputs: [(memory: [IngestRows], runs: [(path: String, remap: [Int32]?)])] = []
        for b in 0..<buckets {
            var memory: [IngestRows] = []
            for w in workers where w.state.buffers[b].count > 0 {
                var rows = w.state.buffers[b]
                w.state.buffers[b] = IngestRows()
                rows.remapQueries(remaps[w.id])
                memory.append(rows)
            }
            let runs = workers.flatMap { w in w.state.spilled[b].map { ($0.path, Optional(remaps[$0.worker])) } }
            inputs.append((memory, runs))
        }
        let box = InputBox(inputs)
        let written = try parallelMap(buckets, threads: threads) { b in
            let (memory, runs) = box.take(b)
            return try writeBucket(b, memory: memory, runs: runs)
        }
        return written.reduce(into: Written()) {
            $0.rows += $1.rows
            $0.unknownExposureClicks += $1.unknownExposureClicks
            $0.unknownItemPurchases += $1.unknownItemPurchases
        }
    }

    private func writeBucket(_ bucket: Int, memory: [IngestRows], runs: [(path: String, remap: [Int32]?)]) throws -> Written {
        guard !memory.isEmpty || !runs.isEmpty else { return Written() }
        var runs = runs
        var merged = 0
        // Too many runs to merge at once: merge groups of them into longer runs first.
        while runs.count + memory.count > fanIn {
            let group = Array(runs.prefix(fanIn))
            runs.removeFirst(group.count)
            let path = spillFolder + "/merged-b\(bucket)-\(merged)"
            merged += 1
            let cursors = try group.map { try RunCursor(path: $0.path, remap: $0.remap) }
            let writer = try RunFile.Writer(path: path)
            try RunMerger.merge(cursors, blockRows: spillGroupRows) { try writer.write($0, blockRows: spillGroupRows) }
            for run in group { try? FileManager.default.removeItem(atPath: run.path) }
            runs.append((path, nil))
        }
        var cursors = try runs.map { try RunCursor(path: $0.path, remap: $0.remap) }
        var memory = memory
        while let rows = memory.popLast() { cursors.append(RunCursor(rows: rows.sorted())) }  // each unsorted copy freed once sorted
        let path = folder + "/bucket=" + String(format: "%03d", bucket) + "/part-00000.parquet"
        try DatasetFiles.makeFolder((path as NSString).deletingLastPathComponent)
        var options = DatasetFiles.writerOptions
        options.rowGroupRows = rowGroupRows
        options.columnEncodings["exposure"] = .plain  // ids nearly unique per row: a dictionary never pays
        var rows = 0
        var check = JoinCheck(knownItems: knownItems)
        do {
            let writer = try ParquetFileWriter(path: path, schema: DatasetSchemas.events, options: options)
            try RunMerger.merge(cursors, blockRows: rowGroupRows) { block in
                try writer.write(block.eventsBatch(pool: pool))
                rows += block.count
                check.feed(block)
            }
            try writer.close()
        } catch let error as ColumnarError {
            throw StageError(.io, "cannot write '\(path)': \(error)")
        }
        check.finish()
        return Written(rows: rows, unknownExposureClicks: check.unknownExposureClicks, unknownItemPurchases: check.unknownItemPurchases)
    }

    /// The per-bucket inputs, each taken once by the thread writing that bucket.
    private final class InputBox: @unchecked Sendable {
        private var inputs: [(memory: [IngestRows], runs: [(path: String, remap: [Int32]?)])]
        private let lock = NSLock()
        init(_ inputs: [(memory: [IngestRows], runs: [(path: String, remap: [Int32]?)])]) { self.inputs = inputs }
        func take(_ b: Int) -> (memory: [IngestRows], runs: [(path: String, remap: [Int32]?)]) {
            lock.lock()
            defer { lock.unlock() }
            let taken = inputs[b]
            inputs[b] = ([], [])
            return taken
        }
    }
}
