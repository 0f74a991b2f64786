public import PipelineCore

/// The `sessions` stage (spec §3, session-aware behaviour aggregation), per day.
///
/// Inputs: `events` over a window of days (`{events: {days: 8}}`: the user-keyed shards of D-7…D),
/// and the day's `users`, `items`, `queries` snapshots. Outputs (user-keyed, each bucket's rows in
/// the bucket of the same number): `behaviors`, `direct_sessions`, `think_sessions`
/// (``DatasetSchemas``). The rules are those of ``BucketSessionizer`` and ``UserHistory``; every
/// history holds only behaviours strictly before its row's `ts`.
public struct SessionsStage: Stage {
    /// The kind: name, code version, params.
    public static let kind = StageKindInfo(
        name: "sessions", codeVersion: 1,
        params: [
            ParamSpec("history", .int, default: 32, description: "Behaviours kept per history (L), 1…32."),
            ParamSpec(
                "hint_search_window_s", .int, default: 60,
                description: "A hint click counts as a search behaviour unless a search of its query follows within this many seconds."),
        ],
        description: "Session-aware behaviour aggregation: behaviour histories, Direct and Think sessions (spec §3).")

    /// The stage.
    public init() {}

    /// Sessionises the task's day.
    public func run(_ context: StageContext) throws -> StageResult {
        var options = SessionsOptions(day: try context.requireDay())
        options.history = try context.intParam("history")
        guard (1...32).contains(options.history) else {
            throw StageError(.badParam, "param 'history' is \(options.history); use 1…32 (the prompt has behaviour tokens <b0>…<b31>)")
        }
        let window = try context.intParam("hint_search_window_s")
        guard window >= 0 else { throw StageError(.badParam, "param 'hint_search_window_s' is \(window); use 0 or more seconds") }
        options.hintSearchWindowMillis = Int64(window) * 1000
        let job = try SessionsJob(
            options: options, users: context.files(of: "users"), items: context.files(of: "items"),
            queries: context.files(of: "queries"))
        var folders: [SessionsOptions.Output: String] = [:]
        for output in SessionsOptions.Output.allCases { folders[output] = try context.outputFolder(output.rawValue) }
        let counts = try job.run(eventFiles: context.files(of: "events"), folders: folders, threads: context.threads)
        return StageResult(rowsIn: counts.events, rowsOut: counts.written)
    }
}
