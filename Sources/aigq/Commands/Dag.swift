import ArgumentParser
import PipelineCore

/// `aigq dag`: draws the stage graph.
struct Dag: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Draw the pipeline's stage graph as text, Graphviz DOT or Mermaid.")

    @OptionGroup var options: PipelineOptions

    @Option(help: "text, dot or mermaid.")
    var format: String = "text"

    func run() throws {
        let pipeline = try options.loadPipeline()
        let chosen: DagFormat
        switch format {
        case "text": chosen = .text
        case "dot": chosen = .dot
        case "mermaid": chosen = .mermaid
        default: throw ValidationError("--format must be text, dot or mermaid (got '\(format)').")
        }
        print(pipeline.graph.render(chosen, name: pipeline.name), terminator: "")
    }
}
