import ArgumentParser
import Foundation
import Kernels

/// `aigq`: the daily pre-search query recommendation job (AIGQ) and its tools.
@main
struct AIGQ: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aigq",
        abstract: "Rebuilds pre-search query suggestions every day from user-behaviour logs.",
        version: "0.1.0",
        subcommands: [
            Gen.self, Run.self, Status.self, Runs.self, Dag.self, Backfill.self, Inspect.self, Eval.self, Export.self,
            Publish.self, Serve.self, Bench.self,
        ]
    )

    /// Restarts with faster OpenBLAS kernels when the installed OpenBLAS picked slow ones
    /// (``BLAS/betterCoreType``; set `OPENBLAS_CORETYPE` yourself to choose), then runs the command.
    static func main() {
        if let coreType = BLAS.betterCoreType, ProcessInfo.processInfo.environment["AIGQ_NO_REEXEC"] == nil {
            setenv("OPENBLAS_CORETYPE", coreType, 1)
            setenv("AIGQ_NO_REEXEC", "1", 1)
            let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
            execv("/proc/self/exe", arguments)  // returns only on failure: go on with the slow kernels
        }
        Self.main(nil)
    }
}
