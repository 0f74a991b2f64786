// Generated token ids → a RolloutLayout, for the output format of spec §3:
//   Direct: `words <q> words <q> … <eos>`
//   Think:  per group `<trig> <bI>… </trig> <why> rationale… </why> words <q> …`, then `<eos>`.
// The parser knows token ids only; the caller maps them (vocabulary lookups happen outside).

/// Parses completions into layouts.
///
/// ```swift
/// let parser = RolloutParser(
///     separator: q, end: eos, triggerOpen: trig, triggerClose: trigEnd, reasonOpen: why, reasonClose: whyEnd,
///     behaviourIndex: { behaviourIndexOfToken[$0] }, text: { tokenizer.decode($0) })
/// let layout = parser.layout(completion)
/// ```
public struct RolloutParser: Sendable {
    /// The query separator (`<q>`).
    public var separator: Int32
    /// The end token (`<eos>`).
    public var end: Int32
    /// `<trig>` and `</trig>`, or nil for Direct outputs.
    public var triggerOpen: Int32?, triggerClose: Int32?
    /// `<why>` and `</why>`, or nil.
    public var reasonOpen: Int32?, reasonClose: Int32?
    /// The behaviour index a token names (`<b3>` → 3), nil for any other token.
    public var behaviourIndex: @Sendable (Int32) -> Int?
    /// The text of a query's tokens.
    public var text: @Sendable ([Int32]) -> String

    /// A parser; without trigger and reason tokens it reads Direct outputs.
    public init(
        separator: Int32, end: Int32, triggerOpen: Int32? = nil, triggerClose: Int32? = nil, reasonOpen: Int32? = nil,
        reasonClose: Int32? = nil, behaviourIndex: @escaping @Sendable (Int32) -> Int? = { _ in nil },
        text: @escaping @Sendable ([Int32]) -> String
    ) {
        self.separator = separator
        self.end = end
        self.triggerOpen = triggerOpen
        self.triggerClose = triggerClose
        self.reasonOpen = reasonOpen
        self.reasonClose = reasonClose
        self.behaviourIndex = behaviourIndex
        self.text = text
    }

    private enum State { case list, trigger(start: Int, indices: [Int]), reason }

    /// The layout of `completion`.
    ///
    /// - A query is the run of tokens before a separator or the end token; an empty run (`<q> <q>`) is a
    ///   malformation, not a slot. A query interrupted by `<trig>`/`<why>` or by the length limit is a
    ///   slot with `isTerminated == false` (interrupted: also a malformation).
    /// - Trigger group tokens: the index tokens and `</trig>`; `<trig>` itself is structure. A token that
    ///   names no behaviour inside a group is a malformation (kept in the group's tokens).
    /// - `<why> … </why>` is structure. Markers out of place (`</trig>` outside a group, `<trig>` inside
    ///   one, …) are malformations; so is an unclosed group or rationale and anything after the end token.
    public func layout(_ completion: [Int32]) -> RolloutLayout {
        var slots: [RolloutLayout.Slot] = [], groups: [RolloutLayout.TriggerGroup] = []
        var malformations = 0, isComplete = false
        var query: [Int32] = [], queryStart = 0
        var state = State.list

        func closeQuery(at position: Int, terminated: Bool) {
            if query.isEmpty { return }
            slots.append(.init(text: text(query), tokens: queryStart..<position, isTerminated: terminated))
            query = []
        }
        func closeOpenPart(at position: Int) {
            switch state {
            case .list: break
            case .trigger(let start, let indices):
                groups.append(.init(tokens: start..<position, indices: indices))
                malformations += 1
            case .reason: malformations += 1
            }
            state = .list
        }

        for (position, token) in completion.enumerated() {
            if isComplete {
                malformations += 1  // text after the end token (generation stops there; a caller may not)
                break
            }
            if token == end {
                closeOpenPart(at: position)
                closeQuery(at: position, terminated: true)
                isComplete = true
                continue
            }
            switch state {
            case .trigger(let start, var indices):
                if token == triggerClose {
                    groups.append(.init(tokens: start..<(position + 1), indices: indices))
                    state = .list
                } else {
                    if let index = behaviourIndex(token) { indices.append(index) } else { malformations += 1 }
                    state = .trigger(start: start, indices: indices)
                }
            case .reason:
                if token == reasonClose { state = .list } else if token == reasonOpen || token == triggerOpen { malformations += 1 }
            case .list:
                if token == separator {
                    if query.isEmpty { malformations += 1 }
                    closeQuery(at: position, terminated: true)
                } else if token == triggerOpen || token == reasonOpen {
                    if !query.isEmpty { malformations += 1 }
                    closeQuery(at: position, terminated: false)
                    state = token == triggerOpen ? .trigger(start: position + 1, indices: []) : .reason
                } else if token == triggerClose || token == reasonClose {
                    malformations += 1
                    closeQuery(at: position, terminated: false)
                } else {
                    if query.isEmpty { queryStart = position }
                    query.append(token)
                }
            }
        }
        if !isComplete {
            closeOpenPart(at: completion.count)
            closeQuery(at: completion.count, terminated: false)
        }
        return RolloutLayout(
            tokenCount: completion.count, slots: slots, triggerGroups: groups, isComplete: isComplete,
            malformations: malformations)
    }
}
