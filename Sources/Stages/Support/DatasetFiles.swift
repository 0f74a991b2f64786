import Foundation
public import Columnar

/// Reading a task's input shards and writing its output shards.
///
/// Output files go into the temporary folder the runner hands the stage (a day partition or a whole
/// dataset); the runner fsyncs and publishes it. Files are written with fixed writer options so the
/// same rows always give the same bytes.
public enum DatasetFiles {
    /// The writer options every stage uses: zstd level 3, statistics, a fixed `created_by`.
    public static var writerOptions: WriterOptions {
        var options = WriterOptions()
        options.createdBy = "aigq (stages)"
        return options
    }

    /// The Parquet files among `files` (by extension), in the given order.
    public static func parquet(_ files: [String]) -> [String] {
        files.filter { $0.hasSuffix(".parquet") }
    }

    /// Reads every Parquet file among `files` (only `columns`, if given) into one batch of `schema`.
    /// Each file must have the schema's columns; extra columns are dropped.
    public static func readAll(_ files: [String], schema: Schema, threads: Int = 1) throws -> RecordBatch {
        var batches: [RecordBatch] = []
        for path in parquet(files) {
            batches.append(contentsOf: try read(path, schema: schema, threads: threads))
        }
        return try RecordBatch.concatenate(batches, schema: schema)
    }

    /// Reads one Parquet file as batches of `schema` (one per row group).
    public static func read(_ path: String, schema: Schema, threads: Int = 1) throws -> [RecordBatch] {
        do {
            let reader = try ParquetFileReader(path: path)
            let names = schema.fields.map(\.name)
            for field in schema.fields {
                guard let i = reader.schema.index(of: field.name) else {
                    throw StageError(.badInput, "'\(path)' has no column '\(field.name)' (it has \(reader.schema.fields.map(\.name).joined(separator: ", "))); rerun the stage that writes it")
                }
                let actual = reader.schema.fields[i].type
                guard actual == field.type else {
                    throw StageError(.badInput, "'\(path)': column '\(field.name)' is \(actual), expected \(field.type); rerun the stage that writes it")
                }
            }
            return try (0..<reader.rowGroupCount).map { group in
                let batch = try reader.readRowGroup(group, columns: names, threads: threads)
                let columns = names.map { batch.column($0)! }
                return try RecordBatch(schema: schema, columns: columns)
            }
        } catch let error as ColumnarError {
            throw StageError(.badInput, "cannot read '\(path)': \(error)")
        }
    }

    /// Writes `batch` to `path` (creating its folder) and returns the rows written.
    @discardableResult
    public static func write(_ batch: RecordBatch, to path: String, options: WriterOptions = writerOptions) throws -> Int {
        try makeFolder((path as NSString).deletingLastPathComponent)
        do {
            let writer = try ParquetFileWriter(path: path, schema: batch.schema, options: options)
            if batch.rowCount > 0 { try writer.write(batch) }
            _ = try writer.close()
        } catch let error as ColumnarError {
            throw StageError(.io, "cannot write '\(path)': \(error)")
        }
        return batch.rowCount
    }

    /// Writes user-keyed rows into `folder` as `bucket=NNN/part-00000.parquet`, split by
    /// ``UserBucketing`` and each sorted by `sortBy` (user first). Empty buckets get no file.
    /// Returns the rows written.
    @discardableResult
    public static func writeUserKeyed(
        _ batch: RecordBatch, into folder: String, buckets: Int, userColumn: String = "user", sortBy: [String],
        options: WriterOptions = writerOptions
    ) throws -> Int {
        guard buckets >= 1, buckets <= 1000 else {
            throw StageError(.badParam, "buckets is \(buckets); use 1…1000")
        }
        let users = try batch.int64s(userColumn)
        let order = try batch.sortIndices(by: sortBy)
        var perBucket = Array(repeating: [Int](), count: buckets)
        for row in order { perBucket[UserBucketing.bucket(of: users[row], buckets: buckets)].append(row) }
        for (bucket, rows) in perBucket.enumerated() where !rows.isEmpty {
            let name = "bucket=" + String(format: "%03d", bucket) + "/part-00000.parquet"
            try write(batch.take(rows), to: folder + "/" + name, options: options)
        }
        return batch.rowCount
    }

    /// Writes `text` to `path` (creating its folder).
    public static func write(text: String, to path: String) throws {
        try makeFolder((path as NSString).deletingLastPathComponent)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw StageError(.io, "cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// Creates `folder` and its parents.
    public static func makeFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StageError(.io, "cannot create the folder '\(folder)': \(error.localizedDescription)")
        }
    }

    /// The day of a shard path holding a `dt=YYYY-MM-DD` component, if any.
    public static func day(of path: String) -> String? {
        for part in path.split(separator: "/") where part.hasPrefix("dt=") && part.count == 13 {
            return String(part.dropFirst(3))
        }
        return nil
    }
}
