/// Where things live in a workspace:
///
/// ```
/// <root>/manifest.sqlite       the run manifest
/// <root>/data/<dataset>/       datasets: dt=YYYY-MM-DD/… partitions or whole folders
/// <root>/logs/<run>/<task>.log one log per task attempt
/// <root>/.aigq.lock            the workspace lock (flock; holder's pid and start time inside)
/// ```
public struct WorkspaceLayout: Sendable {
    /// The workspace root, absolute.
    public let root: String

    /// A layout rooted at `root` (made absolute against the current directory).
    public init(root: String) {
        self.root = FileTree.absolute(root)
    }

    /// The manifest database.
    public var manifestPath: String { root + "/manifest.sqlite" }
    /// The folder holding every dataset.
    public var dataRoot: String { root + "/data" }
    /// The lock file.
    public var lockPath: String { root + "/.aigq.lock" }
    /// The folder of `dataset`.
    public func datasetFolder(_ dataset: String) -> String { dataRoot + "/" + dataset }
    /// The `dt=DAY` partition of `dataset`.
    public func partitionFolder(_ dataset: String, day: String) -> String { datasetFolder(dataset) + "/dt=" + day }
    /// The log file of one task attempt.
    public func logPath(run: Int64, task: String, attempt: Int) -> String {
        let safe = task.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == "=" ? $0 : "_" }
        return root + "/logs/run-\(run)/" + String(safe) + (attempt > 1 ? ".attempt\(attempt)" : "") + ".log"
    }
}
