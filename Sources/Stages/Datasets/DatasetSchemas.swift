public import Columnar

/// The Parquet schema of every dataset the stages exchange: the contract between stages.
///
/// User-keyed datasets are written as `dt=DAY/bucket=NNN/part-00000.parquet` (``DatasetFiles/writeUserKeyed``),
/// each shard sorted by user then time. Queries are always normalised (``QueryText/normalize(_:)``).
/// Changing a schema means bumping the code version of the stages that write and read it.
public enum DatasetSchemas {
    static let timestamp = DataType.timestamp(.millis, utc: true)
    static func list(_ type: DataType) -> DataType { .list(Field("element", type, nullable: false)) }

    /// `events` (ingest, per day, user-keyed, sorted by user, ts, then file and line): one row per valid
    /// raw event. `query` is the normalised query of `search`, `hint_click` and `item_click` (when
    /// given); `candidates`/`scores` and `shown` only on `hint_exposure`; `item` on item events.
    public static let events = Schema([
        Field("user", .int64, nullable: false),
        Field("ts", timestamp, nullable: false),
        Field("type", .string, nullable: false),
        Field("query", .string),
        Field("item", .int64),
        Field("exposure", .string),
        Field("shown", .int32),
        Field("candidates", list(.string)),
        Field("scores", list(.double)),
        Field("source", .string),
        Field("price", .double),
    ])

    /// `quarantine` (ingest, per day, one file `part-00000.parquet`): the day's bad lines.
    public static let quarantine = Schema([
        Field("file", .string, nullable: false),
        Field("line", .int64, nullable: false),
        Field("raw", .string, nullable: false),
        Field("reason", .string, nullable: false),
    ])

    /// `users` (ingest, per day snapshot, `part-00000.parquet`): profiles from `users.jsonl`.
    public static let users = Schema([
        Field("user", .int64, nullable: false),
        Field("gender", .string, nullable: false),
        Field("age", .int32),
        Field("city_tier", .int32),
        Field("registered", .string),
    ])

    /// `items` (ingest, per day snapshot): the catalogue; `title` as written.
    public static let items = Schema([
        Field("item", .int64, nullable: false),
        Field("category", .int64, nullable: false),
        Field("title", .string, nullable: false),
        Field("price", .double),
    ])

    /// `categories` (ingest, per day snapshot): the tree; `leaf` when no category names it as parent,
    /// `depth` 0 for roots.
    public static let categories = Schema([
        Field("category", .int64, nullable: false),
        Field("parent", .int64),
        Field("name", .string, nullable: false),
        Field("leaf", .boolean, nullable: false),
        Field("depth", .int32, nullable: false),
    ])

    /// `queries` (ingest, per day snapshot): every normalised query of the dictionary or of the day's
    /// events; `category` from `queries.jsonl` (null when unknown), `in_dictionary`, and the day's
    /// counts of searches (typed or not), hint clicks and appearances as a logged candidate.
    public static let queries = Schema([
        Field("query", .string, nullable: false),
        Field("category", .int64),
        Field("in_dictionary", .boolean, nullable: false),
        Field("searches", .int64, nullable: false),
        Field("hint_clicks", .int64, nullable: false),
        Field("candidate_count", .int64, nullable: false),
    ])

    /// The behaviour history carried by `behaviors`, `direct_sessions` and `think_sessions`: at most L
    /// searches and item clicks strictly before the row's time, oldest first, as parallel lists.
    /// `h_kind` is `search` or `click`; `h_text` the query or the item title; `h_key` the trigger
    /// content (`search:<query>`, `item:<id>`); `h_category` the leaf category, -1 when unknown.
    public static let historyFields = [
        Field("h_kind", list(.string), nullable: false),
        Field("h_text", list(.string), nullable: false),
        Field("h_key", list(.string), nullable: false),
        Field("h_ts", list(.int64), nullable: false),
        Field("h_category", list(.int64), nullable: false),
    ]

    /// The profile carried by session rows (gender `u` and nulls for users missing from `users`).
    public static let profileFields = [
        Field("gender", .string, nullable: false),
        Field("age", .int32),
        Field("city_tier", .int32),
    ]

    /// `behaviors` (sessions, per day, user-keyed): each user active in the window, with the history
    /// as of the end of the day (`ts` = the next day's first millisecond): the prompt of tomorrow's
    /// Direct and Think generation.
    public static let behaviors = Schema(
        [Field("user", .int64, nullable: false), Field("ts", timestamp, nullable: false)] + profileFields + historyFields)

    /// `direct_sessions` (sessions, per day, user-keyed): one row per hint exposure with at least one
    /// click; `clicked` in click order, `candidates` in ranker order; history before `ts`.
    public static let directSessions = Schema(
        [
            Field("user", .int64, nullable: false), Field("ts", timestamp, nullable: false),
            Field("exposure", .string, nullable: false), Field("shown", .int32, nullable: false),
            Field("clicked", list(.string), nullable: false), Field("candidates", list(.string), nullable: false),
        ] + profileFields + historyFields)

    /// `think_sessions` (sessions, per day, user-keyed): one row per user-day from the first search-box
    /// interaction (`ts`) to the last `app_exit` (`end_ts`, or the last event when there is none);
    /// the day's hint clicks, searches and exposure candidates in time order; history before `ts`.
    public static let thinkSessions = Schema(
        [
            Field("user", .int64, nullable: false), Field("ts", timestamp, nullable: false),
            Field("end_ts", timestamp, nullable: false),
            Field("hint_clicks", list(.string), nullable: false), Field("searches", list(.string), nullable: false),
            Field("candidates", list(.string), nullable: false),
        ] + profileFields + historyFields)

    /// `sft_samples` (rerank, per day, user-keyed): token sequences for training. `variant` is
    /// `direct` (IL-SFT), `think` (IL-SFT with interest groups) or `plain` (the ablation);
    /// `prompt`/`target` are word-level tokens and special tokens (spec §3); `queries` the target
    /// queries in order (references for rewards); `groups` for Think the group index of each query.
    public static let sftSamples = Schema([
        Field("user", .int64, nullable: false),
        Field("ts", timestamp, nullable: false),
        Field("variant", .string, nullable: false),
        Field("prompt", list(.string), nullable: false),
        Field("target", list(.string), nullable: false),
        Field("queries", list(.string), nullable: false),
        Field("groups", list(.int32), nullable: false),
    ])

    /// `vocab` (rerank, per day, `part-00000.parquet`): the tokenizer vocabulary, id = row number:
    /// special tokens, then words by count (descending, ties by text), then single characters.
    /// `kind` is `special`, `word` or `char`.
    public static let vocab = Schema([
        Field("token", .string, nullable: false),
        Field("kind", .string, nullable: false),
        Field("count", .int64, nullable: false),
    ])

    /// `u2q_<method>` (baselines now, `direct` later; per day, one file): ranked hint queries per
    /// user, made from data up to and including the day, for the next day. `user = -1` rows are the
    /// default list for users without rows of their own.
    public static let u2q = Schema([
        Field("user", .int64, nullable: false),
        Field("rank", .int32, nullable: false),
        Field("query", .string, nullable: false),
        Field("score", .double, nullable: false),
    ])

    /// `u2q` and `u2q_<model>` (direct, per day, one file): the ``u2q`` columns plus `known`, whether
    /// the query is in the day's `queries` (else the model made up a novel query).
    public static let u2qGenerated = Schema(u2q.fields + [Field("known", .boolean, nullable: false)])

    /// `transitions` (baselines, per day, one file): co-occurrence over the window of days: how often a
    /// user searched or hint-clicked `query` later the same day after the trigger behaviour
    /// (`search:<query>` or `item:<id>`); at most the top 50 queries per trigger, sorted by trigger,
    /// then count descending, then query.
    public static let transitions = Schema([
        Field("trigger", .string, nullable: false),
        Field("query", .string, nullable: false),
        Field("count", .int64, nullable: false),
    ])

    /// `query_stats.parquet` of `model_ctr` (ctr, per day, one file, sorted by query): each query with
    /// search-box activity in the popularity days ending on the day, as the CTR features see it at
    /// scoring time (the next day). `searches`, `hint_clicks`, `impressions` are decay-weighted sums
    /// (yesterday weighing 1); the `_total` columns plain counts; `ctr` the smoothed hint CTR;
    /// `category` the leaf from `queries` (null when unknown).
    public static let ctrQueryStats = Schema([
        Field("query", .string, nullable: false),
        Field("category", .int64),
        Field("searches", .double, nullable: false),
        Field("hint_clicks", .double, nullable: false),
        Field("impressions", .double, nullable: false),
        Field("ctr", .double, nullable: false),
        Field("searches_total", .int64, nullable: false),
        Field("hint_clicks_total", .int64, nullable: false),
        Field("impressions_total", .int64, nullable: false),
    ])

    /// `x2q` (think, later): ranked queries per trigger (`search:<query>` or `item:<id>`).
    public static let x2q = Schema([
        Field("trigger", .string, nullable: false),
        Field("rank", .int32, nullable: false),
        Field("query", .string, nullable: false),
        Field("score", .double, nullable: false),
    ])
}
