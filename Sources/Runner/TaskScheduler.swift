import Foundation
import PipelineCore

/// Runs tasks in dependency order on up to `jobs` threads. A task starts when every task it depends
/// on has succeeded (or was fresh); a task whose dependency failed or was skipped is skipped. After a
/// failure no new task starts unless `keepGoing`, and then only tasks that do not depend on it.
/// A `threads: all` task runs alone.
struct TaskScheduler {
    let tasks: [PlannedTask]
    let jobs: Int
    let keepGoing: Bool
    let log: @Sendable (RunEvent) -> Void

    func run(
        _ execute: @escaping @Sendable (PlannedTask) -> TaskOutcome,
        skipped: (PlannedTask, String) -> Void
    ) -> [TaskOutcome] {
        let state = SchedulerState(count: tasks.count)
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.key, $0) })
        while true {
            state.condition.lock()
            var launched = false
            for (i, task) in tasks.enumerated() where state.outcomes[i] == nil && !state.started[i] {
                let deps = task.dependencies.compactMap { index[$0] }
                if let bad = deps.first(where: { [.failed, .skipped].contains(state.outcomes[$0]?.status) }) {
                    let reason = "needs \(tasks[bad].key), which \(state.outcomes[bad]?.status == .failed ? "failed" : "was skipped")"
                    state.outcomes[i] = Self.skip(task, reason)
                    skipped(task, reason)
                    log(.finished(state.outcomes[i]!))
                    continue
                }
                if state.failures > 0 && !keepGoing {
                    let reason = "the run stopped after a failure (use --keep-going to run independent tasks)"
                    state.outcomes[i] = Self.skip(task, reason)
                    skipped(task, reason)
                    log(.finished(state.outcomes[i]!))
                    continue
                }
                guard deps.allSatisfy({ state.outcomes[$0] != nil }) else { continue }
                let alone = task.stage.threads == .all
                guard state.running < jobs, !state.exclusive, !(alone && state.running > 0) else { continue }
                state.started[i] = true
                state.running += 1
                if alone { state.exclusive = true }
                launched = true
                log(.started(task: task.key.description))
                let box = UncheckedBox(state)
                DispatchQueue.global().async {
                    let outcome = execute(task)
                    log(.finished(outcome))
                    let state = box.value
                    state.condition.lock()
                    state.outcomes[i] = outcome
                    state.running -= 1
                    if alone { state.exclusive = false }
                    if outcome.status == .failed { state.failures += 1 }
                    state.condition.signal()
                    state.condition.unlock()
                }
            }
            let done = state.outcomes.allSatisfy { $0 != nil }
            if done {
                state.condition.unlock()
                break
            }
            if !launched { state.condition.wait() }
            state.condition.unlock()
        }
        return state.outcomes.map { $0! }
    }

    private static func skip(_ task: PlannedTask, _ reason: String) -> TaskOutcome {
        TaskOutcome(task: task.key.description, stage: task.stage.name, status: .skipped, causes: [reason], attempts: 0, seconds: 0)
    }

    /// Shared state, guarded by `condition`.
    final class SchedulerState: @unchecked Sendable {
        let condition = NSCondition()
        var outcomes: [TaskOutcome?]
        var started: [Bool]
        var running = 0
        var exclusive = false
        var failures = 0
        init(count: Int) {
            outcomes = Array(repeating: nil, count: count)
            started = Array(repeating: false, count: count)
        }
    }

    struct UncheckedBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
