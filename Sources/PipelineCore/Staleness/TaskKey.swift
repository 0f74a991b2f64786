/// One task: a stage, for one day partition (when the stage is `per: day`) and one shard (when it is
/// `map: shard`).
///
/// The string form is stable and used in the manifest and in `aigq status`:
/// `ctr`, `sessions@dt=2026-11-23`, `ingest@dt=2026-11-23/part-00003`, `score@part-00003`.
public struct TaskKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The stage's name.
    public var stage: String
    /// The day partition, `YYYY-MM-DD`, or `nil` for a stage that is not `per: day`.
    public var day: String?
    /// The shard, or `nil` for a stage that is not `map: shard`.
    public var shard: String?

    /// Creates a task key.
    public init(stage: String, day: String? = nil, shard: String? = nil) {
        self.stage = stage
        self.day = day
        self.shard = shard
    }

    /// Parses the string form (`sessions@dt=2026-11-23`); `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let stage = parts.first, !stage.isEmpty else { return nil }
        self.stage = String(stage)
        guard parts.count == 2 else { return }
        var segments = parts[1].split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        if segments[0].hasPrefix("dt=") {
            let day = segments.removeFirst().dropFirst(3)
            guard !day.isEmpty else { return nil }
            self.day = String(day)
        }
        if let shard = segments.first {
            guard !shard.isEmpty else { return nil }
            self.shard = String(shard)
        }
    }

    /// `stage`, `stage@dt=DAY`, `stage@dt=DAY/SHARD` or `stage@SHARD`.
    public var description: String {
        let partition = [day.map { "dt=\($0)" }, shard].compactMap { $0 }
        return partition.isEmpty ? stage : stage + "@" + partition.joined(separator: "/")
    }

    /// Orders by stage name, then day, then shard (absent parts first).
    public static func < (lhs: TaskKey, rhs: TaskKey) -> Bool {
        (lhs.stage, lhs.day ?? "", lhs.shard ?? "") < (rhs.stage, rhs.day ?? "", rhs.shard ?? "")
    }
}
