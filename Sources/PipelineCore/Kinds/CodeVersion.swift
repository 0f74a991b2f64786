/// The version of a stage kind's code, bumped by hand when its logic changes (dagster's `code_version`).
///
/// Part of every task fingerprint: bumping it makes every task of that kind stale with the cause
/// "code version 2 → 3".
public enum CodeVersion: Hashable, Sendable, CustomStringConvertible {
    /// A number, `2`.
    case int(Int)
    /// A label, `"2026-11-a"`.
    case string(String)

    /// The version as written: `2` or `2026-11-a`.
    public var description: String {
        switch self {
        case .int(let number): String(number)
        case .string(let label): label
        }
    }

    /// The version as a param value, for the canonical fingerprint record.
    var paramValue: ParamValue {
        switch self {
        case .int(let number): .int(number)
        case .string(let label): .string(label)
        }
    }
}

extension CodeVersion: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}
