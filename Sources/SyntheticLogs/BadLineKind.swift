/// The kinds of lines `--bad-lines` injects, as recorded in `truth/dt=DAY/bad_lines.jsonl`.
///
/// The first five break the raw contract (ingest quarantines them); the last two are valid lines
/// that ingest keeps and counts in its report.
public enum BadLineKind: String, CaseIterable, Sendable {
    /// Not valid JSON (truncated, trailing comma, single quotes, HTML, invalid UTF-8) or a JSON value
    /// that is not an object.
    case notJSON = "not_json"
    /// A required field (common or of the type) is absent.
    case missingField = "missing_field"
    /// A required field has the wrong JSON type (a string for an int, a number for a string, …).
    case wrongType = "wrong_type"
    /// `type` is not one of the contract's event types.
    case unknownType = "unknown_type"
    /// `ts` falls outside the folder's day.
    case tsOutsideDay = "ts_outside_day"
    /// A `hint_click` whose exposure is not in the day (kept, counted).
    case unknownExposure = "unknown_exposure"
    /// A `purchase` of an item missing from `items.jsonl` (kept, counted).
    case unknownItem = "unknown_item"

    /// Whether ingest keeps the line (and counts it) instead of quarantining it.
    public var isKept: Bool { self == .unknownExposure || self == .unknownItem }
}
