/// The stages of a pipeline and the edges between them: an edge runs from the stage that writes a
/// dataset to each stage that reads it (DVC's outputs → inputs matching, by dataset name).
///
/// ```text
///   raw_logs (source)
///       │
///    ingest ──── events ────┐
///       │                   │
///   sessions              ctr
///       └───── rerank ──────┘
/// ```
///
/// Building a graph validates it (see `StageGraph+Validation.swift`): it throws ``PipelineError`` for a
/// dataset with two producers, an input that is neither produced nor a source, a stage reading its own
/// output other than on earlier days, and a cycle (naming its stages in order). A `per: day` stage may
/// read what it wrote on earlier days (``StageSpec/selfInputs``); that is not an edge. Orders are
/// stable: among stages that could go in either order, file order wins.
public struct StageGraph: Sendable {
    /// An edge: `from` writes `datasets` that `to` reads.
    public struct Edge: Hashable, Sendable {
        /// The producing stage.
        public var from: String
        /// The consuming stage.
        public var to: String
        /// The datasets passed along the edge, in the consumer's input order.
        public var datasets: [String]
    }

    /// The stages, in file order.
    public let stages: [StageSpec]
    /// The raw datasets no stage produces, in file order.
    public let sources: [String]
    /// Every stage name in topological order (producers before consumers, ties in file order).
    public let topologicalOrder: [String]

    let indexByName: [String: Int]
    let producerByDataset: [String: Int]
    /// Direct upstream stages of each stage (by index), ascending.
    let parents: [[Int]]
    /// Direct downstream stages of each stage (by index), ascending.
    let children: [[Int]]
    /// Position of each stage (by index) in ``topologicalOrder``.
    let rank: [Int]

    /// Builds and validates the graph.
    ///
    /// - Parameters:
    ///   - stages: The stages in file order.
    ///   - sources: Raw datasets no stage writes.
    ///   - sourceLocations: Where each source is declared, for error messages.
    /// - Throws: ``PipelineError`` (`duplicateName`, `duplicateProducer`, `unknownInput` or `cycle`).
    public init(stages: [StageSpec], sources: [String] = [], sourceLocations: [String: SourceLocation] = [:])
        throws(PipelineError)
    {
        self.stages = stages
        self.sources = sources
        let (indexByName, producerByDataset) = try Self.validateNames(
            stages, sources: sources, sourceLocations: sourceLocations)
        self.indexByName = indexByName
        self.producerByDataset = producerByDataset
        try Self.checkSelfInputs(stages)
        var parents = [[Int]](repeating: [], count: stages.count)
        var children = [[Int]](repeating: [], count: stages.count)
        for (consumer, stage) in stages.enumerated() {
            for input in stage.inputs {
                // A stage reading its own output of earlier days (checked above) is no edge.
                guard let producer = producerByDataset[input], producer != consumer, !parents[consumer].contains(producer)
                else { continue }
                parents[consumer].append(producer)
                children[producer].append(consumer)
            }
        }
        self.parents = parents.map { $0.sorted() }
        self.children = children.map { $0.sorted() }
        try Self.checkAcyclic(stages, children: self.children, producerByDataset: producerByDataset)
        let order = Self.topologicalIndices(parents: self.parents, children: self.children)
        var rank = [Int](repeating: 0, count: stages.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        self.rank = rank
        self.topologicalOrder = order.map { stages[$0].name }
    }

    /// Kahn's algorithm, always taking the ready stage that comes first in the file.
    private static func topologicalIndices(parents: [[Int]], children: [[Int]]) -> [Int] {
        var remaining = parents.map(\.count)
        var ready = Set(remaining.indices.filter { remaining[$0] == 0 })
        var order: [Int] = []
        while let next = ready.min() {
            ready.remove(next)
            order.append(next)
            for child in children[next] {
                remaining[child] -= 1
                if remaining[child] == 0 { ready.insert(child) }
            }
        }
        return order
    }

    /// The stage named `name`, if any.
    public func stage(named name: String) -> StageSpec? {
        indexByName[name].map { stages[$0] }
    }

    /// The stage that writes `dataset`, or `nil` for a source or an unknown name.
    public func producer(of dataset: String) -> String? {
        producerByDataset[dataset].map { stages[$0].name }
    }

    /// The stages `name` reads from directly, in topological order.
    public func upstream(of name: String) -> [String] {
        names(indexByName[name].map { parents[$0] } ?? [])
    }

    /// The stages that read from `name` directly, in topological order.
    public func downstream(of name: String) -> [String] {
        names(indexByName[name].map { children[$0] } ?? [])
    }

    /// Every stage `name` depends on, directly or not, in topological order.
    public func ancestors(of name: String) -> [String] {
        names(closure(from: indexByName[name].map { [$0] } ?? [], along: parents, including: false))
    }

    /// Every stage that depends on `name`, directly or not, in topological order.
    public func descendants(of name: String) -> [String] {
        names(closure(from: indexByName[name].map { [$0] } ?? [], along: children, including: false))
    }

    /// Every edge, ordered by producer then consumer in topological order.
    public var edges: [Edge] {
        topologicalOrder.flatMap { from in
            downstream(of: from).map { to in
                Edge(from: from, to: to, datasets: stage(named: to)!.inputs.filter { producer(of: $0) == from })
            }
        }
    }

    /// The indices reachable from `start` along `links` (with or without `start` itself).
    func closure(from start: [Int], along links: [[Int]], including: Bool) -> Set<Int> {
        var seen = Set<Int>()
        var stack = start.flatMap { links[$0] } + (including ? start : [])
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack.append(contentsOf: links[next])
        }
        return seen
    }

    /// Stage names of `indices`, in topological order.
    func names(_ indices: some Collection<Int>) -> [String] {
        indices.sorted { rank[$0] < rank[$1] }.map { stages[$0].name }
    }
}
