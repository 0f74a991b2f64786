import Foundation
import PipelineCore

/// Runs tasks in dependency order on up to `jobs` threads. A task becomes ready when every task it
/// depends on has succeeded; a task whose dependency failed or was skipped is skipped. After a
/// failure no new task starts unless `keepGoing`, and then only tasks that do not depend on it.
/// A `threads: all` task runs alone. Work per event is proportional to the task's edges, so a
/// plan of thousands of tasks costs no more than a scan of its graph.
struct TaskScheduler {
    let tasks: [PlannedTask]
    let jobs: Int
    let keepGoing: Bool
    let log: @Sendable (RunEvent) -> Void

    func run(
        _ execute: @escaping @Sendable (PlannedTask) -> TaskOutcome,
        skipped: (PlannedTask, String) -> Void
    ) -> [TaskOutcome] {
        let n = tasks.count
        let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.key, $0) })
        var dependents = Array(repeating: [Int](), count: n)
        let state = SchedulerState(count: n)
        for (i, task) in tasks.enumerated() {
            let deps = Set(task.dependencies.compactMap { index[$0] })
            state.waitingOn[i] = deps.count
            for d in deps { dependents[d].append(i) }
        }
        state.ready = (0..<n).filter { state.waitingOn[$0] == 0 }

        state.condition.lock()
        while state.finished < n {
            // Tasks that can no longer run: skip them now.
            if state.failures > 0 && !keepGoing {
                for i in 0..<n where state.outcomes[i] == nil && !state.started[i] {
                    finish(i, Self.skip(tasks[i], "the run stopped after a failure (use --keep-going to run independent tasks)"),
                        state, dependents, skipped)
                }
                state.ready.removeAll()
            }
            // Launch what is ready, in plan order, within the job and exclusivity limits.
            while let next = state.ready.first, state.running < jobs, !state.exclusive {
                let alone = tasks[next].stage.threads == .all
                if alone && state.running > 0 { break }
                state.ready.removeFirst()
                state.started[next] = true
                state.running += 1
                if alone { state.exclusive = true }
                let task = tasks[next]
                log(.started(task: task.key.description))
                let box = UncheckedBox(state)
                DispatchQueue.global().async {
                    let outcome = execute(task)
                    log(.finished(outcome))
                    let state = box.value
                    state.condition.lock()
                    state.running -= 1
                    if alone { state.exclusive = false }
                    state.completed.append((next, outcome))
                    state.condition.signal()
                    state.condition.unlock()
                }
            }
            if state.finished >= n { break }
            if state.completed.isEmpty { state.condition.wait() }
            // Take in finished tasks: release their dependents, or skip them.
            let done = state.completed
            state.completed.removeAll()
            for (i, outcome) in done {
                if outcome.status == .failed { state.failures += 1 }
                finish(i, outcome, state, dependents, skipped)
            }
        }
        state.condition.unlock()
        return state.outcomes.map { $0! }
    }

    /// Records `outcome` for task `i` and updates its dependents (called with the lock held).
    private func finish(
        _ i: Int, _ outcome: TaskOutcome, _ state: SchedulerState, _ dependents: [[Int]], _ skipped: (PlannedTask, String) -> Void
    ) {
        guard state.outcomes[i] == nil else { return }
        state.outcomes[i] = outcome
        state.finished += 1
        if outcome.status == .skipped, !state.started[i] {
            skipped(tasks[i], outcome.causes.first ?? "skipped")
            log(.finished(outcome))
        }
        let succeeded = outcome.status == .ran || outcome.status == .fresh
        for d in dependents[i] where state.outcomes[d] == nil {
            if succeeded {
                state.waitingOn[d] -= 1
                if state.waitingOn[d] == 0 { state.insertReady(d) }
            } else {
                let why = "needs \(tasks[i].key), which \(outcome.status == .failed ? "failed" : "was skipped")"
                finish(d, Self.skip(tasks[d], why), state, dependents, skipped)
            }
        }
    }

    private static func skip(_ task: PlannedTask, _ reason: String) -> TaskOutcome {
        TaskOutcome(task: task.key.description, stage: task.stage.name, status: .skipped, causes: [reason], attempts: 0, seconds: 0)
    }

    /// Shared state, guarded by `condition`.
    final class SchedulerState: @unchecked Sendable {
        let condition = NSCondition()
        var outcomes: [TaskOutcome?]
        var started: [Bool]
        var waitingOn: [Int]
        var ready: [Int] = []
        var completed: [(Int, TaskOutcome)] = []
        var finished = 0
        var running = 0
        var exclusive = false
        var failures = 0

        init(count: Int) {
            outcomes = Array(repeating: nil, count: count)
            started = Array(repeating: false, count: count)
            waitingOn = Array(repeating: 0, count: count)
        }

        /// Adds `i` to the ready list keeping plan order.
        func insertReady(_ i: Int) {
            var lo = 0
            var hi = ready.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ready[mid] < i { lo = mid + 1 } else { hi = mid }
            }
            ready.insert(i, at: lo)
        }
    }

    struct UncheckedBox<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
