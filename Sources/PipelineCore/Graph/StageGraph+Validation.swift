extension StageGraph {
    /// Checks that stage names are unique, that each dataset has one producer (and is not also a
    /// source), and that every input is produced or a source.
    ///
    /// - Returns: Stage index by name, and producing stage index by dataset.
    static func validateNames(
        _ stages: [StageSpec],
        sources: [String],
        sourceLocations: [String: SourceLocation]
    ) throws(PipelineError) -> (indexByName: [String: Int], producerByDataset: [String: Int]) {
        var indexByName: [String: Int] = [:]
        for (index, stage) in stages.enumerated() {
            if let first = indexByName[stage.name] {
                throw PipelineError(
                    .duplicateName,
                    "stage '\(stage.name)' is defined twice "
                        + "(first on line \(stages[first].locations.stage.line)); rename one",
                    location: stage.locations.stage)
            }
            indexByName[stage.name] = index
        }

        let sourceSet = Set(sources)
        var producerByDataset: [String: Int] = [:]
        for (index, stage) in stages.enumerated() {
            for output in stage.outputs {
                let location = stage.locations.outputs[output] ?? stage.locations.stage
                if sourceSet.contains(output) {
                    let line = sourceLocations[output].map { " (line \($0.line))" } ?? ""
                    throw PipelineError(
                        .duplicateProducer,
                        "stage '\(stage.name)' writes '\(output)', which is declared under 'sources'\(line); "
                            + "remove it from 'sources' or from the outputs",
                        location: location)
                }
                if let first = producerByDataset[output] {
                    let other = stages[first]
                    let line = (other.locations.outputs[output] ?? other.locations.stage).line
                    throw PipelineError(
                        .duplicateProducer,
                        "dataset '\(output)' is written by both '\(other.name)' (line \(line)) and '\(stage.name)'; "
                            + "a dataset has one producer, so rename one of the outputs",
                        location: location)
                }
                producerByDataset[output] = index
            }
        }

        let known = sources + stages.flatMap(\.outputs)
        for stage in stages {
            for input in stage.inputs where producerByDataset[input] == nil && !sourceSet.contains(input) {
                let hint =
                    Suggestion.closest(to: input, among: known).map { "did you mean '\($0)'?" }
                    ?? "add it under 'sources:' if it is raw data, or to the outputs of the stage that writes it"
                throw PipelineError(
                    .unknownInput,
                    "stage '\(stage.name)' reads '\(input)', which no stage writes and which is not a source; \(hint)",
                    location: stage.locations.inputs[input] ?? stage.locations.stage)
            }
        }
        return (indexByName, producerByDataset)
    }

    /// Checks that a stage reads its own outputs only on earlier days: it must be `per: day` and the
    /// input's window must end before the task's day (`offset` -1 or less). Such an input is then no
    /// edge of the graph (see ``StageSpec/selfInputs``).
    static func checkSelfInputs(_ stages: [StageSpec]) throws(PipelineError) {
        for stage in stages {
            for input in stage.selfInputs {
                let window = stage.window(of: input)
                let earlier = DayWindow(days: window.days, offset: -1)
                let location = stage.locations.inputs[input] ?? stage.locations.stage
                if stage.per != .day {
                    throw PipelineError(
                        .cycle,
                        "stage '\(stage.name)' reads its own output '\(input)'; remove it from the inputs or the outputs, "
                            + "or make the stage 'per: day' and read earlier days: {\(input): \(earlier)}",
                        location: location)
                }
                if window.offset >= 0 {
                    let when = window.offset - window.days < 0 ? "on the same day" : "on later days"
                    throw PipelineError(
                        .cycle,
                        "stage '\(stage.name)' reads its own output '\(input)' \(when); "
                            + "a stage can read what it wrote only on earlier days: write {\(input): \(earlier)}",
                        location: location)
                }
            }
        }
    }

    /// Finds a cycle by depth-first search in file order and reports its stages in order, starting
    /// from the stage that comes first in the file.
    static func checkAcyclic(
        _ stages: [StageSpec],
        children: [[Int]],
        producerByDataset: [String: Int]
    ) throws(PipelineError) {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: stages.count)
        var path: [Int] = []
        var cycle: [Int]?

        func visit(_ index: Int) {
            marks[index] = .onPath
            path.append(index)
            for child in children[index] where cycle == nil {
                switch marks[child] {
                case .onPath: cycle = Array(path[path.lastIndex(of: child)!...])
                case .unvisited: visit(child)
                case .done: break
                }
            }
            path.removeLast()
            marks[index] = .done
        }
        for index in stages.indices where marks[index] == .unvisited && cycle == nil {
            visit(index)
        }
        guard var cycle else { return }

        let first = cycle.firstIndex(of: cycle.min()!)!
        cycle = Array(cycle[first...] + cycle[..<first])
        // Each stage reads from the one before it (the first reads from the last).
        func datasets(into consumer: Int, from producer: Int) -> [String] {
            stages[consumer].inputs.filter { producerByDataset[$0] == producer }
        }
        let head = stages[cycle[0]]
        let closing = datasets(into: cycle[0], from: cycle[cycle.count - 1])
        let location = head.locations.inputs[closing[0]] ?? head.locations.stage
        let names = (cycle + [cycle[0]]).map { stages[$0].name }.joined(separator: " → ")
        let reads = (Array(1..<cycle.count) + [0]).map { position in
            let consumer = cycle[position]
            let producer = cycle[(position + cycle.count - 1) % cycle.count]
            let list = datasets(into: consumer, from: producer).map { "'\($0)'" }.joined(separator: ", ")
            return "'\(stages[consumer].name)' reads \(list) from '\(stages[producer].name)'"
        }
        throw PipelineError(
            .cycle,
            "stages form a cycle: \(names) (\(reads.joined(separator: "; "))); remove one of these inputs",
            location: location)
    }
}
