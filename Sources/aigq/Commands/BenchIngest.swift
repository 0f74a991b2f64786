import ArgumentParser

/// `aigq bench ingest` (placeholder being written).
struct BenchIngest: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ingest", abstract: "Time our ingest beside DuckDB, Polars and pyarrow.")
    func run() throws {}
}
