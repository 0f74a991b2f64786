import Columnar

/// Our side of one measurement, run in its own process by `aigq bench parquet-worker`.
///
/// - `write`: reads the input into memory (not timed), then times writing it with default
///   ``WriterOptions`` (ZSTD level 3) and `threads` column-encoding threads, footer and close included.
/// - `generate`: writes the benchmark input (``EventsInputFile``) to `output`; `input` is ignored.
/// - `scan`: times opening the file and decoding every column of every row group with
///   ``ParquetFileReader/readRowGroup(_:columns:threads:)``; every decoded column's length is summed
///   so the work cannot be skipped.
public enum ParquetWorker {
    /// The task to time.
    public enum Task: String, CaseIterable, Sendable {
        case write, scan, generate
    }

    /// Runs `task` and returns its report (tool `aigq`, `version` as given).
    public static func run(task: Task, input: String, output: String?, threads: Int, rows: Int? = nil, version: String) throws -> WorkerReport {
        guard threads >= 1 else { throw BenchmarkError("--threads must be at least 1 (got \(threads))") }
        switch task {
        case .generate:
            guard let output, let rows else { throw BenchmarkError("--task generate needs --output FILE and --rows N") }
            let clock = ContinuousClock()
            let start = clock.now
            let bytes = try EventsInputFile.write(rows: rows, to: output)
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: (clock.now - start).seconds,
                rows: rows, bytes: bytes)
        case .write:
            guard let output else { throw BenchmarkError("--output is required for --task write: the file to write") }
            let reader = try ParquetFileReader(path: input)
            var batches: [RecordBatch] = []
            for group in 0..<reader.rowGroupCount {
                batches.append(try reader.readRowGroup(group, threads: threads))
            }
            removeIfPresent(output)
            var options = WriterOptions()
            options.threads = threads
            let clock = ContinuousClock()
            let start = clock.now
            let writer = try ParquetFileWriter(path: output, schema: reader.schema, options: options)
            for batch in batches { try writer.write(batch) }
            try writer.close()
            let seconds = (clock.now - start).seconds
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: seconds,
                rows: writer.rowsWritten, bytes: try fileSize(output))
        case .scan:
            let clock = ContinuousClock()
            let start = clock.now
            let reader = try ParquetFileReader(path: input)
            var rows = 0
            var slots = 0
            // Like the peers, keep the whole table in memory; decode (row group, column) tasks as one pool.
            let batches = try reader.readRowGroups(Array(0..<reader.rowGroupCount), threads: threads)
            for batch in batches {
                rows += batch.rowCount
                for column in batch.columns { slots += column.values.count + (column.validity?.count ?? 0) }
            }
            let seconds = (clock.now - start).seconds
            guard slots >= rows else { throw BenchmarkError("decoded fewer values (\(slots)) than rows (\(rows))") }
            return WorkerReport(
                tool: "aigq", version: version, task: task.rawValue, threads: threads, seconds: seconds,
                rows: rows, bytes: try fileSize(input))
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attos) = components
        return Double(s) + Double(attos) * 1e-18
    }
}
