extension ShardSet {
    /// Writes one day of user-keyed rows: split by ``UserBucketing`` into `buckets` shards
    /// (`dt=DAY/bucket=NNN/part-00000.parquet`), each sorted by (`userColumn`, `timeColumn`).
    /// Buckets with no rows get no file. Returns the shards written, by bucket.
    public func writeUserKeyed(
        _ batch: RecordBatch, day: String, buckets: Int, userColumn: String = "user", timeColumn: String = "ts",
        options: WriterOptions = WriterOptions()
    ) throws -> [ShardInfo] {
        guard buckets >= 1, buckets <= 1000 else {
            throw ColumnarError.invalidArgument("buckets is \(buckets); use 1…1000")
        }
        guard let users = batch.column(userColumn), case .int64(let ids) = users.values, users.list == nil else {
            throw ColumnarError.invalidArgument("user column '\(userColumn)' must be an int64 column of the batch")
        }
        let order = try batch.sortIndices(by: [userColumn, timeColumn])
        var perBucket = Array(repeating: [Int](), count: buckets)
        for row in order { perBucket[UserBucketing.bucket(of: ids[row], buckets: buckets)].append(row) }
        var written: [ShardInfo] = []
        for (bucket, rows) in perBucket.enumerated() where !rows.isEmpty {
            written.append(try write(batch.take(rows), to: ShardPath(day: day, bucket: bucket), options: options))
        }
        return written
    }
}
