extension Manifest {
    /// How hard a commit is pushed to disk (SQLite's `PRAGMA synchronous`, in WAL mode).
    ///
    /// Both levels keep the database consistent through `kill -9`, a crash of the process, an OS
    /// crash and a power loss: a transaction is either wholly there or wholly absent. They differ in
    /// *durability* after an OS crash or power loss only:
    /// - ``full`` fsyncs the write-ahead log at every commit, so a committed transaction survives
    ///   power loss. The cost is one fsync per operation (a millisecond or a few on SSD).
    /// - ``normal`` fsyncs only at checkpoints; the last few commits may roll back after a power
    ///   loss (never after `kill -9`, since the log is in the OS page cache).
    ///
    /// `full` is the default. `normal` is safe for aigq's protocol too (outputs are fsynced and
    /// renamed *before* they are recorded, so a lost record only makes the next run redo that task),
    /// and suits bulk work on slow disks.
    public enum Durability: Sendable, Equatable {
        /// `PRAGMA synchronous = FULL`: every commit survives power loss.
        case full
        /// `PRAGMA synchronous = NORMAL`: consistent always, the latest commits may be lost on power loss.
        case normal

        var pragmaValue: String {
            switch self {
            case .full: "FULL"
            case .normal: "NORMAL"
            }
        }
    }
}
