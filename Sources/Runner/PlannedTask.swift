public import PipelineCore

/// One unit of work: a stage on one day partition (or the whole data) and, for `map: shard`
/// stages, one input shard; plus the tasks it waits for.
public struct PlannedTask: Hashable, Sendable {
    /// The task's identity (`sessions@dt=2026-11-23`, `ingest@dt=2026-11-23/part-00003.jsonl`).
    public var key: TaskKey
    /// The stage it runs.
    public var stage: StageSpec
    /// Tasks (by key) that must succeed first.
    public var dependencies: [TaskKey]
    /// Whether the user forced it (`--force`).
    public var forced: Bool

    /// The day partition, if the stage is `per: day`.
    public var day: String? { key.day }
    /// The input shard (relative to the first input's partition), for `map: shard` tasks.
    public var shard: String? { key.shard }
}
