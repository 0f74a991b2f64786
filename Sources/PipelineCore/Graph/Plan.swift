/// Which stages a run visits, in order, and which of them are forced to rerun.
///
/// A plan is about stages; the runner expands each step into tasks (per day, per shard) and asks the
/// ``StalenessResolver`` which of them to run, passing `forced` through.
///
/// ```text
///   A ──▶ B ──▶ D
///   │           ▲
///   └───▶ C ────┘     E (independent)
///
///   .all                               → A B C D E   (none forced)
///   .targets(["D"])                    → A B C D     (none forced)
///   .force(["B"], downstream: false)   → B           (B forced)
///   .force(["B"], downstream: true)    → B D         (both forced)
/// ```
public struct Plan: Hashable, Sendable {
    /// What the user asked for.
    public enum Selection: Hashable, Sendable {
        /// Every stage, none forced (`aigq run`).
        case all
        /// The named stages and everything they depend on, none forced (`aigq run STAGE…`).
        case targets([String])
        /// Only the named stages, forced (`--force STAGE`); with `downstream`, their descendants too,
        /// also forced (`--force STAGE --downstream`).
        case force([String], downstream: Bool)
    }

    /// One stage to visit.
    public struct Step: Hashable, Sendable, CustomStringConvertible {
        /// The stage's name.
        public var stage: String
        /// Whether every task of the stage reruns regardless of staleness.
        public var forced: Bool

        /// Creates a step.
        public init(stage: String, forced: Bool) {
            self.stage = stage
            self.forced = forced
        }

        /// `sessions` or `sessions (forced)`.
        public var description: String { forced ? "\(stage) (forced)" : stage }
    }

    /// The stages to visit, in topological order.
    public var steps: [Step]

    /// Creates a plan.
    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The names of the stages to visit, in order.
    public var stages: [String] { steps.map(\.stage) }

    /// The names of the forced stages, in order.
    public var forced: [String] { steps.filter(\.forced).map(\.stage) }
}

extension StageGraph {
    /// The plan for a selection.
    ///
    /// - Throws: ``PipelineError`` (`unknownStage`) when the selection names a stage that does not exist.
    public func plan(_ selection: Plan.Selection) throws(PipelineError) -> Plan {
        switch selection {
        case .all:
            return Plan(steps: topologicalOrder.map { Plan.Step(stage: $0, forced: false) })
        case .targets(let targets):
            let start = try indices(of: targets)
            let chosen = closure(from: start, along: parents, including: true)
            return Plan(steps: names(chosen).map { Plan.Step(stage: $0, forced: false) })
        case .force(let forced, let downstream):
            let start = try indices(of: forced)
            let chosen = downstream ? closure(from: start, along: children, including: true) : Set(start)
            return Plan(steps: names(chosen).map { Plan.Step(stage: $0, forced: true) })
        }
    }

    private func indices(of names: [String]) throws(PipelineError) -> [Int] {
        var result: [Int] = []
        for name in names {
            guard let index = indexByName[name] else {
                let all = stages.map(\.name)
                let hint = Suggestion.closest(to: name, among: all).map { "did you mean '\($0)'? " } ?? ""
                throw PipelineError(
                    .unknownStage, "unknown stage '\(name)'; \(hint)Stages: " + all.joined(separator: ", "))
            }
            result.append(index)
        }
        return result
    }
}
