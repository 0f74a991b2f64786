/// One stage as declared in a pipeline file: what it runs (its kind and params), what it reads and
/// writes, and how it is partitioned and retried. The Swift implementation of its kind lives elsewhere.
///
/// ``params`` are resolved: the kind's defaults, overlaid with the file's values, overlaid with
/// command-line overrides, every value checked against the kind's declared type.
public struct StageSpec: Hashable, Sendable {
    /// How a stage's work is split over days (`per:` in the file).
    public enum Partitioning: String, Hashable, Sendable, CaseIterable {
        /// One task for the whole pipeline run (the default).
        case none
        /// One task per day partition `dt=YYYY-MM-DD`.
        case day
    }

    /// How a stage's work is split over its input shards (`map:` in the file).
    public enum MapMode: String, Hashable, Sendable, CaseIterable {
        /// One task per input shard.
        case shard
    }

    /// How many cores a task of the stage may use (`threads:` in the file).
    public enum Threads: String, Hashable, Sendable, CaseIterable {
        /// One core, so the runner may run several tasks side by side (the default).
        case one
        /// Every core; the runner runs such a task alone.
        case all
    }

    /// Where each part of the stage was written, for error messages.
    public struct Locations: Hashable, Sendable {
        /// The stage's name, as the key under `stages:`.
        public var stage: SourceLocation
        /// The value of `kind:`.
        public var kind: SourceLocation
        /// Each input dataset name.
        public var inputs: [String: SourceLocation] = [:]
        /// Each output dataset name.
        public var outputs: [String: SourceLocation] = [:]
        /// Each param written in the file (params taken from defaults or overrides have none).
        public var params: [String: SourceLocation] = [:]

        /// Locations for a stage declared at `stage` whose kind is written at `kind`.
        public init(stage: SourceLocation, kind: SourceLocation) {
            self.stage = stage
            self.kind = kind
        }
    }

    /// The stage's unique name (the key under `stages:`).
    public var name: String
    /// The stage kind: a registered Swift stage, or `command`.
    public var kind: String
    /// The kind's code version when the file was parsed.
    public var codeVersion: CodeVersion
    /// Optional one-line description.
    public var description: String?
    /// Datasets read, in file order.
    public var inputs: [String]
    /// Datasets written, in file order.
    public var outputs: [String]
    /// Resolved params: defaults, then file values, then overrides.
    public var params: [String: ParamValue]
    /// Day partitioning (`per:`).
    public var per: Partitioning
    /// Shard mapping (`map:`), or `nil` for one task per partition.
    public var map: MapMode?
    /// How many times a failed task is retried (with back-off) before the stage fails.
    public var retries: Int
    /// How long one attempt may run, or `nil` for no limit.
    public var timeout: Duration?
    /// How many cores one task may use.
    public var threads: Threads
    /// Where each part was written.
    public var locations: Locations
    /// The day window of each input read as other than the task's own day (`{events: {days: 8}}`).
    public var inputWindows: [String: DayWindow] = [:]

    /// The day window of `input` (the task's own day unless the file says otherwise).
    public func window(of input: String) -> DayWindow { inputWindows[input] ?? .sameDay }

    /// The inputs the stage also writes, in file order: a `per: day` stage reading what it wrote on
    /// earlier days (`{model_sft: {offset: -1}}`, yesterday's checkpoint). They are not graph edges;
    /// the task of day D waits for the stage's own tasks of the days its window reads.
    public var selfInputs: [String] { inputs.filter { outputs.contains($0) } }

    /// Creates a stage spec (the parser is the usual source of these).
    public init(
        name: String,
        kind: String,
        codeVersion: CodeVersion,
        description: String? = nil,
        inputs: [String] = [],
        outputs: [String] = [],
        params: [String: ParamValue] = [:],
        per: Partitioning = .none,
        map: MapMode? = nil,
        retries: Int = 0,
        timeout: Duration? = nil,
        threads: Threads = .one,
        locations: Locations
    ) {
        self.name = name
        self.kind = kind
        self.codeVersion = codeVersion
        self.description = description
        self.inputs = inputs
        self.outputs = outputs
        self.params = params
        self.per = per
        self.map = map
        self.retries = retries
        self.timeout = timeout
        self.threads = threads
        self.locations = locations
    }

    /// The task key of this stage for a day and shard, keeping only the parts the stage partitions by.
    public func taskKey(day: String?, shard: String?) -> TaskKey {
        TaskKey(stage: name, day: per == .day ? day : nil, shard: map == .shard ? shard : nil)
    }
}
