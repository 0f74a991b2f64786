import Stages
import ArgumentParser
import Foundation
import PipelineCore
import Runner

/// Options shared by the commands that read a pipeline file and a workspace.
struct PipelineOptions: ParsableArguments {
    @Option(help: "The workspace folder (data, manifest, logs).")
    var workspace = "./Workspace"

    @Option(help: "The pipeline file.")
    var pipeline = "Pipelines/daily.yaml"

    @Option(name: [.customShort("p"), .customLong("param")], help: "Override a param: -p STAGE.PARAM=VALUE (repeatable).")
    var params: [String] = []

    @Option(name: .customLong("day"), help: "Run only this day partition, YYYY-MM-DD (repeatable; default: every day in the sources).")
    var days: [String] = []

    /// Reads and validates the pipeline file with the overrides applied.
    func loadPipeline() throws -> Pipeline {
        guard let text = try? String(contentsOfFile: pipeline, encoding: .utf8) else {
            throw ValidationError("cannot read the pipeline file '\(pipeline)'; pass --pipeline PATH")
        }
        let overrides = try params.map { try ParamOverride(parsing: $0) }
        return try PipelineFileParser.parse(text: text, file: pipeline, registry: StageRegistry.kinds, overrides: overrides)
    }

    /// The workspace layout.
    var layout: WorkspaceLayout { WorkspaceLayout(root: workspace) }

    /// Run options with the days set.
    func runOptions() -> RunOptions {
        var options = RunOptions()
        options.days = days
        options.jobs = ProcessInfo.processInfo.activeProcessorCount
        options.commandLine = CommandLine.arguments.joined(separator: " ")
        return options
    }
}
