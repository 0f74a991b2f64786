/// How `aigq dag` draws the stage graph.
public enum DagFormat: String, Hashable, Sendable, CaseIterable {
    /// One line per source and per stage, in topological order: `ingest → sessions, ctr`.
    case text
    /// Graphviz DOT (`digraph`), sources drawn as cylinders, edges labelled with their datasets.
    case dot
    /// Mermaid `flowchart LR`, sources drawn as cylinders, edges labelled with their datasets.
    case mermaid
}
