/// The stage kinds a pipeline file may name, passed in by the caller.
///
/// The built-in ``StageKindInfo/command`` kind is always present. The real stages register their kinds
/// from the `Stages` target; tests register small fakes.
///
/// ```swift
/// let registry = StageKindRegistry([
///     StageKindInfo(name: "sessions", codeVersion: 2, params: [ParamSpec("window_days", .int, default: 7)]),
/// ])
/// ```
public struct StageKindRegistry: Sendable {
    /// Every known kind, `command` first, then in registration order.
    public private(set) var kinds: [StageKindInfo]

    /// A registry of `kinds` plus the built-in `command` kind.
    ///
    /// - Precondition: kind names are unique and none is `command`.
    public init(_ kinds: [StageKindInfo] = []) {
        self.kinds = [.command]
        for kind in kinds { register(kind) }
    }

    /// Adds a kind.
    ///
    /// - Precondition: no kind of that name is registered yet.
    public mutating func register(_ kind: StageKindInfo) {
        precondition(self[kind.name] == nil, "stage kind '\(kind.name)' is registered twice")
        kinds.append(kind)
    }

    /// The kind named `name`, if registered.
    public subscript(name: String) -> StageKindInfo? {
        kinds.first { $0.name == name }
    }

    /// The names of every kind, sorted.
    public var names: [String] { kinds.map(\.name).sorted() }
}
