import ArgumentParser

/// `aigq bench …`: our work beside the peers', measured in the same run (spec/bench.md).
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark aigq against its peers on the same data, in the same run.",
        subcommands: [
            BenchParquet.self, BenchParquetWorker.self, BenchOrchestrator.self, BenchIngest.self, BenchIngestWorker.self,
            BenchSessions.self, BenchModel.self, BenchModelWorker.self, BenchServe.self,
        ]
    )
}
