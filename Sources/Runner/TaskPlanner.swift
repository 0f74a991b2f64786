import PipelineCore

/// Expands the stages of a plan into tasks: one per stage for unpartitioned stages, one per day for
/// `per: day`, one per input shard for `map: shard`; each task waits for the tasks that write its
/// inputs (the days of its window, or all of an unpartitioned producer's). A stage reading its own
/// output of earlier days (`{model_sft: {offset: -1}}`) waits for its own tasks of those days when
/// they are planned, so its days run as a chain, oldest first.
///
/// Days come from `--day`, or else from the `dt=` partitions of the source datasets. `map: shard`
/// stages must read a source dataset first, so their shards are known before anything runs.
struct TaskPlanner {
    let pipeline: Pipeline
    let layout: WorkspaceLayout

    func tasks(for plan: Plan, days requested: [String]) throws -> [PlannedTask] {
        let days = try resolveDays(requested, plan: plan)
        var tasksByStage: [String: [PlannedTask]] = [:]
        var out: [PlannedTask] = []
        let forced = Set(plan.forced)
        for stageName in plan.stages {
            guard let stage = pipeline.stage(named: stageName) else { continue }
            var keys: [TaskKey] = []
            let stageDays: [String?] = stage.per == .day ? days.map { Optional($0) } : [nil]
            for day in stageDays {
                if stage.map == .shard {
                    for shard in try mapShards(stage, day: day) { keys.append(TaskKey(stage: stage.name, day: day, shard: shard)) }
                } else {
                    keys.append(TaskKey(stage: stage.name, day: day))
                }
            }
            let keysByDay = Dictionary(grouping: keys, by: \.day)
            var planned: [PlannedTask] = []
            for key in keys {
                var dependencies: [TaskKey] = []
                var seen = Set<TaskKey>()
                for input in stage.inputs {
                    let window = stage.window(of: input)
                    let upstream: [TaskKey]
                    if stage.selfInputs.contains(input) {
                        // Validated to be a day window ending before the task's day.
                        upstream = (key.day.flatMap(window.days(for:)) ?? []).flatMap { keysByDay[$0] ?? [] }
                    } else {
                        guard let producer = pipeline.graph.producer(of: input), let tasks = tasksByStage[producer] else { continue }
                        upstream = tasks.map(\.key)
                    }
                    for task in upstream
                    where key.day == nil || task.day == nil || window.contains(task.day ?? "", for: key.day ?? "") {
                        if seen.insert(task).inserted { dependencies.append(task) }
                    }
                }
                planned.append(PlannedTask(key: key, stage: stage, dependencies: dependencies, forced: forced.contains(stage.name)))
            }
            tasksByStage[stage.name] = planned
            out.append(contentsOf: planned)
        }
        return out
    }

    private func resolveDays(_ requested: [String], plan: Plan) throws -> [String] {
        var found = Set<String>()
        for source in pipeline.sources { found.formUnion(layout.days(of: source)) }
        if !requested.isEmpty {
            for day in requested where !ShardDay.isValid(day) {
                throw RunnerError(.usage, "day '\(day)' is not of the form YYYY-MM-DD")
            }
            let missing = Set(requested).subtracting(found).sorted()
            if !found.isEmpty, !missing.isEmpty {
                throw RunnerError(
                    .planning,
                    "no source data for \(missing.joined(separator: ", ")) (no dt= partition in \(pipeline.sources.map { "'\($0)'" }.joined(separator: ", "))); add it or choose other days")
            }
            return Array(Set(requested)).sorted()
        }
        let needsDays = plan.stages.contains { pipeline.stage(named: $0)?.per == .day }
        guard needsDays else { return [] }
        guard !found.isEmpty else {
            throw RunnerError(
                .planning,
                "no day partitions (dt=YYYY-MM-DD) found in the source datasets \(pipeline.sources.map { "'\($0)'" }.joined(separator: ", ")) under '\(layout.dataRoot)'; add data there or pass --day")
        }
        return found.sorted()
    }

    private func mapShards(_ stage: StageSpec, day: String?) throws -> [String] {
        guard let first = stage.inputs.first, pipeline.sources.contains(first) else {
            throw RunnerError(
                .planning,
                "stage '\(stage.name)' has map: shard, which needs a source dataset as its first input (got '\(stage.inputs.first ?? "none")')")
        }
        let folder = day.map { layout.partitionFolder(first, day: $0) } ?? layout.datasetFolder(first)
        return FileTree.files(under: folder)
    }
}
