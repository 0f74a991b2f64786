/// Where a shard lives inside a dataset folder: `dt=YYYY-MM-DD/bucket=NNN/part-NNNNN.parquet`
/// (user-keyed data) or `dt=YYYY-MM-DD/part-NNNNN.parquet` (data without buckets).
public struct ShardPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The day partition, `YYYY-MM-DD`.
    public var day: String
    /// The user bucket, for user-keyed data.
    public var bucket: Int?
    /// The part number within the partition.
    public var part: Int

    /// Creates a shard path, checking the day's format.
    public init(day: String, bucket: Int? = nil, part: Int = 0) throws {
        guard ShardPath.isDay(day) else {
            throw ColumnarError.invalidArgument("day '\(day)' is not of the form YYYY-MM-DD")
        }
        guard (bucket ?? 0) >= 0, (bucket ?? 0) < 1000, part >= 0, part < 100_000 else {
            throw ColumnarError.invalidArgument("bucket must be 0…999 and part 0…99999 (got bucket \(bucket ?? 0), part \(part))")
        }
        self.day = day
        self.bucket = bucket
        self.part = part
    }

    /// The path relative to the dataset folder.
    public var relativePath: String {
        var s = "dt=\(day)/"
        if let bucket { s += "bucket=\(Self.pad(bucket, 3))/" }
        return s + "part-\(Self.pad(part, 5)).parquet"
    }

    public var description: String { relativePath }

    /// Parses a relative path written by ``relativePath``; `nil` for anything else.
    public init?(relativePath path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts[0].hasPrefix("dt=") else { return nil }
        let day = String(parts[0].dropFirst(3))
        var bucket: Int? = nil
        if parts.count == 3 {
            guard parts[1].hasPrefix("bucket="), let b = Int(parts[1].dropFirst(7)), parts[1].count == 10 else { return nil }
            bucket = b
        }
        let file = parts[parts.count - 1]
        guard file.hasPrefix("part-"), file.hasSuffix(".parquet"), file.count == 18,
            let part = Int(file.dropFirst(5).dropLast(8))
        else { return nil }
        guard let shard = try? ShardPath(day: day, bucket: bucket, part: part) else { return nil }
        self = shard
    }

    public static func < (a: ShardPath, b: ShardPath) -> Bool {
        (a.day, a.bucket ?? -1, a.part) < (b.day, b.bucket ?? -1, b.part)
    }

    /// Whether `s` looks like `YYYY-MM-DD` with a plausible month and day.
    public static func isDay(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(48...57).contains(u[i]) { return false }
        guard let month = Int(s.dropFirst(5).prefix(2)), let day = Int(s.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
