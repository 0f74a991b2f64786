// Token ids → layouts for the Direct and Think output formats, including the faults a sampled
// completion can have.
import PolicyOptimization
import Testing

@Suite("Rollout parser")
struct RolloutParserTests {
    // Toy ids: <q> 1, <eos> 2, <trig> 3, </trig> 4, <why> 5, </why> 6, words 10…99, <bI> = 100 + I.
    static let parser = RolloutParser(
        separator: 1, end: 2, triggerOpen: 3, triggerClose: 4, reasonOpen: 5, reasonClose: 6,
        behaviourIndex: { $0 >= 100 ? Int($0 - 100) : nil },
        text: { $0.map { "w\($0)" }.joined(separator: " ") })

    @Test func directListGivesSlotsAndStructure() {
        let layout = Self.parser.layout([10, 11, 1, 12, 1, 2])
        #expect(layout.slots == [.init(text: "w10 w11", tokens: 0..<2), .init(text: "w12", tokens: 3..<4)])
        #expect(layout.isComplete && layout.malformations == 0 && layout.triggerGroups.isEmpty)
        #expect(layout.roles() == [.query(slot: 0), .query(slot: 0), .structure, .query(slot: 1), .structure, .structure])
    }

    @Test func endTokenAlsoClosesTheLastQuery() {
        let layout = Self.parser.layout([10, 1, 11, 2])
        #expect(layout.slots.map(\.text) == ["w10", "w11"])
        #expect(layout.slots.allSatisfy(\.isTerminated) && layout.isComplete && layout.malformations == 0)
    }

    @Test func thinkGroupsGiveTriggersRationaleAndQueries() {
        // <trig> <b0> <b2> </trig> <why> c c </why> q q <q> q <q> <trig> </trig> <why> </why> q <q> <eos>
        let tokens: [Int32] = [3, 100, 102, 4, 5, 50, 51, 6, 10, 11, 1, 12, 1, 3, 4, 5, 6, 13, 1, 2]
        let layout = Self.parser.layout(tokens)
        #expect(layout.triggerGroups == [.init(tokens: 1..<4, indices: [0, 2]), .init(tokens: 14..<15, indices: [])])
        #expect(layout.slots.map(\.text) == ["w10 w11", "w12", "w13"])
        #expect(layout.slots.map(\.tokens) == [8..<10, 11..<12, 17..<18])
        #expect(layout.isComplete && layout.malformations == 0)
        let roles = layout.roles()
        #expect(roles[0] == .structure)  // <trig>
        #expect(roles[1...3].allSatisfy { $0 == .trigger(group: 0) })  // <b0> <b2> </trig>
        #expect(roles[4...7].allSatisfy { $0 == .structure })  // the rationale
        #expect(roles[14] == .trigger(group: 1))
        #expect(roles[17] == .query(slot: 2))
        #expect(throws: Never.self) { try layout.validate() }
    }

    @Test func queryCutOffByTheLengthLimitIsNotTerminated() {
        let layout = Self.parser.layout([10, 1, 11, 12])
        #expect(layout.slots == [.init(text: "w10", tokens: 0..<1), .init(text: "w11 w12", tokens: 2..<4, isTerminated: false)])
        #expect(!layout.isComplete && layout.malformations == 0)
    }

    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String, tokens: [Int32], malformations: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Fault(name: "empty query", tokens: [10, 1, 1, 2], malformations: 1),
        Fault(name: "leading separator", tokens: [1, 10, 1, 2], malformations: 1),
        Fault(name: "word inside a trigger group", tokens: [3, 100, 10, 4, 11, 1, 2], malformations: 1),
        Fault(name: "query interrupted by <trig>", tokens: [10, 3, 100, 4, 11, 1, 2], malformations: 1),
        Fault(name: "stray </trig>", tokens: [10, 1, 4, 11, 1, 2], malformations: 1),
        Fault(name: "end inside a trigger group", tokens: [3, 100, 2], malformations: 1),
        Fault(name: "end inside the rationale", tokens: [5, 50, 2], malformations: 1),
        Fault(name: "tokens after the end", tokens: [10, 2, 11, 12], malformations: 1),
        Fault(name: "unclosed group at the length limit", tokens: [3, 100, 101], malformations: 1),
    ])
    func faultsAreCountedAsMalformations(_ fault: Fault) throws {
        let layout = Self.parser.layout(fault.tokens)
        #expect(layout.malformations == fault.malformations)
        #expect(layout.tokenCount == fault.tokens.count)
        try layout.validate()
    }

    @Test func directParserTreatsEveryOtherTokenAsQueryText() {
        let direct = RolloutParser(separator: 1, end: 2, text: { $0.map { "w\($0)" }.joined(separator: " ") })
        let layout = direct.layout([3, 10, 1, 2])
        #expect(layout.slots.map(\.text) == ["w3 w10"])
    }

    @Test func validateRefusesOverlapsAndRangesOutside() {
        let overlapping = RolloutLayout(
            tokenCount: 4, slots: [.init(text: "a", tokens: 0..<2)], triggerGroups: [.init(tokens: 1..<3, indices: [0])],
            isComplete: true)
        #expect(throws: PolicyOptimizationError.self) { try overlapping.validate() }
        let outside = RolloutLayout(tokenCount: 2, slots: [.init(text: "a", tokens: 1..<3)], isComplete: true)
        #expect(throws: PolicyOptimizationError.self) { try outside.validate() }
        let empty = RolloutLayout(tokenCount: 2, slots: [.init(text: "", tokens: 1..<1)], isComplete: true)
        #expect(throws: PolicyOptimizationError.self) { try empty.validate() }
    }
}
