import ArgumentParser

/// `aigq`: the daily pre-search query recommendation job (AIGQ) and its tools.
@main
struct AIGQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aigq",
        abstract: "Rebuilds pre-search query suggestions every day from user-behaviour logs.",
        version: "0.1.0",
        subcommands: [
            Gen.self, Run.self, Status.self, Runs.self, Dag.self, Backfill.self, Inspect.self, Eval.self, Export.self,
            Publish.self, Bench.self,
        ]
    )
}
