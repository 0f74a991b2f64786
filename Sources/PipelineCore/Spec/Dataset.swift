/// A named dataset of a pipeline: a set of Parquet shards, either raw (a source) or written by one stage.
public struct Dataset: Hashable, Sendable {
    /// The dataset's name, as written in `sources`, `inputs` and `outputs`.
    public var name: String
    /// The stage that writes it, or `nil` for a raw source.
    public var producer: String?
    /// The stages that read it, in file order.
    public var consumers: [String]

    /// Whether the dataset is raw input rather than a stage's output.
    public var isSource: Bool { producer == nil }

    /// Creates a dataset description.
    public init(name: String, producer: String?, consumers: [String]) {
        self.name = name
        self.producer = producer
        self.consumers = consumers
    }
}
