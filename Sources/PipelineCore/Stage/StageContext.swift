/// Everything a ``Stage`` needs to run one task, and nothing of the runner's machinery.
public struct StageContext: Sendable {
    /// The task being run.
    public var task: TaskKey
    /// The stage as declared (kind, resolved params, inputs, outputs, partitioning).
    public var spec: StageSpec
    /// The workspace root (absolute).
    public var workspace: String
    /// Per input dataset: the folder the task reads (the `dt=DAY` partition for a day task whose
    /// input is partitioned by day, the dataset folder otherwise), absolute.
    public var inputFolders: [String: String]
    /// Per input dataset: the shard files the task reads, absolute paths, sorted.
    public var inputFiles: [String: [String]]
    /// Per output dataset: an empty temporary folder to write into, absolute.
    public var outputFolders: [String: String]
    /// Threads the task may use (all cores for `threads: all`, else 1).
    public var threads: Int
    /// Where the task's log goes (a stage may append lines to it).
    public var logPath: String

    /// Creates a context.
    public init(
        task: TaskKey, spec: StageSpec, workspace: String, inputFolders: [String: String],
        inputFiles: [String: [String]], outputFolders: [String: String], threads: Int, logPath: String
    ) {
        self.task = task
        self.spec = spec
        self.workspace = workspace
        self.inputFolders = inputFolders
        self.inputFiles = inputFiles
        self.outputFolders = outputFolders
        self.threads = threads
        self.logPath = logPath
    }
}
