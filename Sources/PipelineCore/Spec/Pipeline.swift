/// A validated pipeline: its stages in file order, its raw sources, and the stage graph between them.
///
/// Obtained from ``PipelineFileParser/parse(text:file:registry:overrides:)``, which guarantees that
/// every stage's kind and params are known, that each dataset has one producer or is a source, and that
/// the graph has no cycle.
public struct Pipeline: Sendable {
    /// The pipeline's name (`name:`, or the file's base name without extension).
    public var name: String
    /// The file's `schema:` version.
    public var schema: Int
    /// Optional description.
    public var description: String?
    /// The file the pipeline came from, as named by the caller.
    public var file: String
    /// The validated graph of stages.
    public var graph: StageGraph
    /// Datasets kept elsewhere than `data/<name>/dt=DAY/` (the file's `datasets:`).
    public var datasetLocations: [String: DatasetLocation] = [:]

    /// Creates a pipeline from a validated graph.
    public init(name: String, schema: Int = 1, description: String? = nil, file: String, graph: StageGraph) {
        self.name = name
        self.schema = schema
        self.description = description
        self.file = file
        self.graph = graph
    }

    /// The stages, in file order.
    public var stages: [StageSpec] { graph.stages }

    /// The raw datasets that no stage produces, in file order.
    public var sources: [String] { graph.sources }

    /// The stage named `name`, if any.
    public func stage(named name: String) -> StageSpec? { graph.stage(named: name) }

    /// Every dataset: sources first (in file order), then outputs in stage order.
    public var datasets: [Dataset] {
        let names = graph.sources + graph.stages.flatMap(\.outputs)
        return names.map { name in
            Dataset(
                name: name,
                producer: graph.producer(of: name),
                consumers: graph.stages.filter { $0.inputs.contains(name) }.map(\.name)
            )
        }
    }
}
