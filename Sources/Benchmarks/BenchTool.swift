/// A tool measured by `aigq bench parquet`.
public enum BenchTool: String, CaseIterable, Sendable, Comparable {
    case aigq, pyarrow, polars, duckdb

    /// The peers (everything but ours).
    public static let peers: [BenchTool] = [.pyarrow, .polars, .duckdb]

    /// How the tool is held to the thread count (printed with the table).
    var threadControl: String {
        switch self {
        case .aigq: "WriterOptions.threads / readRowGroup(threads:)"
        case .pyarrow: "pa.set_cpu_count + set_io_thread_count"
        case .polars: "POLARS_MAX_THREADS"
        case .duckdb: "SET threads"
        }
    }

    public static func < (a: BenchTool, b: BenchTool) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
