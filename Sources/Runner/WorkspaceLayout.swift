public import PipelineCore

/// Where things live in a workspace:
///
/// ```
/// <root>/manifest.sqlite       the run manifest
/// <root>/data/<dataset>/       datasets: dt=YYYY-MM-DD/… partitions or whole folders
/// <root>/logs/<run>/<task>.log one log per task attempt
/// <root>/.aigq.lock            the workspace lock (flock; holder's pid and start time inside)
/// ```
///
/// A pipeline may keep some datasets elsewhere (its `datasets:` section, e.g. `reports/2026-11-24/`).
public struct WorkspaceLayout: Sendable {
    /// The workspace root, absolute.
    public let root: String
    /// Datasets kept elsewhere than `data/<name>` with `dt=` partitions.
    public private(set) var locations: [String: DatasetLocation] = [:]

    /// A layout rooted at `root` (made absolute against the current directory).
    public init(root: String) {
        self.root = FileTree.absolute(root)
    }

    /// This layout with `pipeline`'s dataset locations.
    public func applying(_ pipeline: Pipeline) -> WorkspaceLayout {
        var copy = self
        copy.locations = pipeline.datasetLocations
        return copy
    }

    /// Every folder that holds datasets: `data/` and the folders of relocated datasets.
    public var datasetRoots: [String] {
        [dataRoot] + locations.values.map { root + "/" + $0.path }.sorted()
    }

    /// How `dataset`'s day partitions are named.
    public func partitionNaming(_ dataset: String) -> DatasetLocation.PartitionNaming {
        locations[dataset]?.partitions ?? .dt
    }

    /// The day partitions present in `dataset`, sorted.
    public func days(of dataset: String) -> [String] {
        FileTree.days(in: datasetFolder(dataset), naming: partitionNaming(dataset))
    }

    /// The manifest database.
    public var manifestPath: String { root + "/manifest.sqlite" }
    /// The folder holding every dataset.
    public var dataRoot: String { root + "/data" }
    /// The lock file.
    public var lockPath: String { root + "/.aigq.lock" }
    /// The folder of `dataset`.
    public func datasetFolder(_ dataset: String) -> String {
        locations[dataset].map { root + "/" + $0.path } ?? dataRoot + "/" + dataset
    }
    /// The `dt=DAY` (or `DAY`) partition of `dataset`.
    public func partitionFolder(_ dataset: String, day: String) -> String {
        datasetFolder(dataset) + "/" + partitionNaming(dataset).folderName(day)
    }
    /// The log file of one task attempt.
    public func logPath(run: Int64, task: String, attempt: Int) -> String {
        let safe = task.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." || $0 == "=" ? $0 : "_" }
        return root + "/logs/run-\(run)/" + String(safe) + (attempt > 1 ? ".attempt\(attempt)" : "") + ".log"
    }
}
