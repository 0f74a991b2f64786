/// How the sessions stage sessionises a day: the stage's params, resolved.
package struct SessionsOptions: Sendable {
    /// The datasets the stage writes.
    package enum Output: String, CaseIterable, Sendable {
        case behaviors, directSessions = "direct_sessions", thinkSessions = "think_sessions"
    }

    /// The day (`YYYY-MM-DD`) whose sessions are made.
    package var day: String
    /// Behaviours kept per history (L), 1…32 (the prompt has `<b0>`…`<b31>`).
    package var history: Int = 32
    /// A hint click counts as a search behaviour unless a search of its query follows within this
    /// many milliseconds.
    package var hintSearchWindowMillis: Int64 = 60_000
    /// Which datasets to make (the benchmark leaves out think sessions).
    package var outputs: Set<Output> = Set(Output.allCases)

    /// Options for `day` with the defaults.
    package init(day: String) { self.day = day }
}
