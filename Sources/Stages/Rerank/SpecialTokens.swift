import PipelineCore

/// The special tokens of the prompt and target serialisation (design note, "Tokens"), in their
/// fixed vocabulary order, and the rules that pick them.
public enum SpecialTokens {
    /// The fixed special tokens, in vocabulary order (`<cat:ID>` tokens follow them, by id).
    public static let fixed: [String] =
        ["<bos>", "<eos>", "<pad>", "<unk>", "<q>", "<trig>", "</trig>", "<why>", "</why>", "<direct>", "<think>", "<search>", "<click>"]
        + (0...4).map { "<t\($0)>" } + (0..<behaviourSlots).map { "<b\($0)>" } + (1...maxCount).map { "<n\($0)>" }
        + ["<g:f>", "<g:m>", "<g:u>", "<age:?>", "<age:<25>", "<age:25-34>", "<age:35-49>", "<age:50+>", "<tier:?>"]
        + (1...5).map { "<tier:\($0)>" }

    /// Behaviour index tokens `<b0>`…`<b31>`: the longest history a prompt can hold.
    public static let behaviourSlots = 32
    /// Count tokens `<n1>`…`<n30>`: the most queries a prompt can ask for.
    public static let maxCount = 30

    /// `<g:f>`, `<g:m>`, else `<g:u>`.
    public static func gender(_ g: String) -> String { g == "f" || g == "m" ? "<g:\(g)>" : "<g:u>" }

    /// `<age:?>`, `<age:<25>`, `<age:25-34>`, `<age:35-49>` or `<age:50+>`.
    public static func age(_ age: Int32?) -> String {
        guard let age else { return "<age:?>" }
        switch age {
        case ..<25: return "<age:<25>"
        case 25...34: return "<age:25-34>"
        case 35...49: return "<age:35-49>"
        default: return "<age:50+>"
        }
    }

    /// `<tier:1>`…`<tier:5>`, `<tier:?>` when unknown or out of range.
    public static func tier(_ tier: Int32?) -> String {
        guard let tier, (1...5).contains(tier) else { return "<tier:?>" }
        return "<tier:\(tier)>"
    }

    /// The time bucket token of a behaviour at `behaviourTs` seen from a sample at `sampleTs`, by
    /// the calendar-day (UTC) difference: 0 → `<t0>`, 1 → `<t1>`, 2–3 → `<t2>`, 4–7 → `<t3>`, older → `<t4>`.
    public static func timeBucket(sampleTs: Int64, behaviourTs: Int64) -> String {
        let days = Day.ordinal(millis: sampleTs) - Day.ordinal(millis: behaviourTs)
        switch days {
        case ...0: return "<t0>"
        case 1: return "<t1>"
        case 2...3: return "<t2>"
        case 4...7: return "<t3>"
        default: return "<t4>"
        }
    }

    /// The token of behaviour `index` (0-based, oldest first).
    public static func behaviour(_ index: Int) -> String { "<b\(index)>" }

    /// The token asking for `n` queries (1…30).
    public static func count(_ n: Int) -> String { "<n\(n)>" }

    /// The token of category `id`.
    public static func category(_ id: Int64) -> String { "<cat:\(id)>" }
}
