public import PipelineCore

/// `ingest` (per day): the raw logs of a day (log-schema.md) into columnar datasets.
///
/// Reads `raw` — the day's `dt=D/*.jsonl[.zst]` (once `_SUCCESS` is there) and the shared
/// `dims/*.jsonl` — and writes `events` (user-keyed, `buckets` buckets, each shard sorted by user,
/// ts, then file name and line), `quarantine` (the bad lines, one file, always written), and the
/// snapshots `users`, `items`, `categories` and `queries` (one file each). JSON is parsed by
/// simdjson through the `CSimdJSON` shim, a chunk of lines per call, on `context.threads` threads.
///
/// Memory: events are buffered compactly up to `buffer_rows`, then spilled as sorted runs into a
/// hidden temporary folder beside the events output and merged (64 at a time) at the end, so the
/// events take the same memory whatever the day's size; what still grows with the day is the
/// distinct queries and the quarantined lines. Hint clicks of unknown exposures (not logged by a
/// `hint_exposure` of the same user that day) and purchases of unknown items are counted while the
/// sorted events are written. Output bytes do not depend on threads, chunking or
/// spilling. Fails, naming the worst file, when more than `max_bad_fraction` of the lines (events
/// and dims) are bad.
public struct IngestStage: Stage {
    /// The kind: name, code version, params.
    public static let kind = StageKindInfo(
        name: "ingest", codeVersion: 1,
        params: [
            ParamSpec("buckets", .int, default: 8, description: "User buckets of the events dataset."),
            ParamSpec("max_bad_fraction", .double, default: 0.01, description: "Fail the day when more of its lines than this are bad."),
            ParamSpec("wait_seconds", .int, default: 0, description: "Wait this long for the day's _SUCCESS before failing (0: fail at once)."),
            ParamSpec("buffer_rows", .int, default: 250_000, description: "Events held in memory before sorted runs spill to disk (a logged candidate counts a quarter)."),
            ParamSpec("chunk_mib", .int, default: 8, description: "Size of the chunks of lines parsed at a time."),
            ParamSpec("row_group_rows", .int, default: 65_536, description: "Rows per row group of the events shards."),
        ],
        description: "Validates the raw logs of a day and writes events, quarantine and dimension snapshots (log-schema.md).")

    /// The stage.
    public init() {}

    /// Ingests the task's day.
    public func run(_ context: StageContext) throws -> StageResult {
        try IngestJob(context).run()
    }
}
