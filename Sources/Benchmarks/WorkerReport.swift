import Foundation

/// What one measurement process reports: the single JSON line printed by our worker
/// (`aigq bench parquet-worker`) and by `Tests/Python/bench_parquet_peer.py`:
/// `{"tool", "version", "task", "threads", "seconds", "rows", "bytes"}`.
public struct WorkerReport: Sendable, Equatable {
    /// `aigq`, `pyarrow`, `polars` or `duckdb`.
    public var tool: String
    /// The tool's version.
    public var version: String
    /// `write` or `scan`.
    public var task: String
    /// The thread count the tool was pinned to.
    public var threads: Int
    /// Seconds of work (excluding process start, imports and input loading).
    public var seconds: Double
    /// Rows written or read.
    public var rows: Int
    /// Size of the written file (write) or of the file read (scan).
    public var bytes: Int

    /// Creates a report.
    public init(tool: String, version: String, task: String, threads: Int, seconds: Double, rows: Int, bytes: Int) {
        self.tool = tool
        self.version = version
        self.task = task
        self.threads = threads
        self.seconds = seconds
        self.rows = rows
        self.bytes = bytes
    }

    /// The report as one JSON line (no newline).
    public var jsonLine: String {
        JSONValue.object([
            ("tool", .string(tool)), ("version", .string(version)), ("task", .string(task)),
            ("threads", .int(threads)), ("seconds", .double(seconds)), ("rows", .int(rows)),
            ("bytes", .int(bytes)),
        ]).text
    }

    /// Parses the last line of `output` that is a JSON object with all the keys.
    static func parse(_ output: String) -> WorkerReport? {
        for line in output.split(separator: "\n").reversed() where line.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let tool = object["tool"] as? String, let task = object["task"] as? String,
                let seconds = (object["seconds"] as? NSNumber)?.doubleValue,
                let rows = (object["rows"] as? NSNumber)?.intValue,
                let bytes = (object["bytes"] as? NSNumber)?.intValue,
                let threads = (object["threads"] as? NSNumber)?.intValue
            else { continue }
            let version = object["version"] as? String ?? "?"
            return WorkerReport(tool: tool, version: version, task: task, threads: threads, seconds: seconds, rows: rows, bytes: bytes)
        }
        return nil
    }
}
