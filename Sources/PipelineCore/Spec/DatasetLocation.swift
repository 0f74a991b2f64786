/// Where a dataset lives in the workspace when not in the default `data/<name>/dt=DAY/` layout.
///
/// Written under `datasets:` in a pipeline file:
///
/// ```yaml
/// datasets:
///   reports: {path: reports, partitions: day}   # <workspace>/reports/2026-11-24/metrics.json
/// ```
public struct DatasetLocation: Hashable, Sendable {
    /// How day partitions are named.
    public enum PartitionNaming: String, Hashable, Sendable, CaseIterable {
        /// `dt=YYYY-MM-DD` (the default, as Hive and Spark name them).
        case dt
        /// `YYYY-MM-DD`.
        case day

        /// The folder name of `day`'s partition.
        public func folderName(_ day: String) -> String { self == .dt ? "dt=" + day : day }

        /// The day of a partition folder name, or `nil` when `name` is not one.
        public func day(ofFolder name: String) -> String? {
            let text = self == .dt ? (name.hasPrefix("dt=") ? String(name.dropFirst(3)) : "") : name
            return Day.ordinal(text) == nil ? nil : text
        }
    }

    /// The dataset's folder, relative to the workspace root (default `data/<name>`).
    public var path: String
    /// How its day partitions are named.
    public var partitions: PartitionNaming

    /// A location.
    public init(path: String, partitions: PartitionNaming = .dt) {
        self.path = path
        self.partitions = partitions
    }
}
