import Foundation
import ManifestStore
import PipelineCore

/// Runs one task: judges it fresh or stale, runs its stage (with retries and back-off), publishes
/// its outputs atomically, and records the result in the manifest.
struct TaskExecutor {
    let layout: WorkspaceLayout
    let manifest: Manifest
    let stages: [String: any Stage]
    let options: RunOptions
    let checksums: FileChecksums
    /// The manifest's task states and last attempts, read once when the run starts (a task's own
    /// record only changes when it runs, so the snapshot stays right for every task not yet run).
    let states: [String: TaskState]
    let lastRuns: [String: TaskRunRecord]

    init(layout: WorkspaceLayout, manifest: Manifest, stages: [String: any Stage], options: RunOptions) throws {
        self.layout = layout
        self.manifest = manifest
        self.stages = stages
        self.options = options
        self.checksums = try FileChecksums(manifest: manifest)
        self.states = Dictionary(try manifest.allTaskStates().map { ($0.taskKey, $0) }, uniquingKeysWith: { a, _ in a })
        self.lastRuns = try manifest.lastTaskRuns()
    }

    /// The verdict on `task` as the workspace stands now.
    func judge(_ task: PlannedTask) throws -> (TaskDefinition, TaskStaleness) {
        let io = TaskIO(task: task, layout: layout)
        let definition = TaskDefinition(stage: task.stage, inputs: try io.inputShards(checksums))
        let key = task.key.description
        let state = states[key]
        let last = lastRuns[key]
        var success: TaskRecord.Success?
        var observed: [ObservedOutput] = []
        if let state {
            let params: [String: ParamValue]
            if case .map(let m)? = try? ParamValue(canonicalJSON: state.paramsJSON) { params = m } else { params = [:] }
            success = TaskRecord.Success(
                fingerprint: Fingerprint(hex: state.fingerprint), kind: task.stage.kind,
                codeVersion: Int(state.codeVersion).map { CodeVersion.int($0) } ?? .string(state.codeVersion),
                params: params, inputs: state.inputs.map { InputShard(dataset: $0.dataset, path: $0.path, checksum: $0.checksum) },
                outputs: state.outputs.map { OutputShard(dataset: $0.dataset, path: $0.path, checksum: $0.checksum) })
            for output in state.outputs {
                let path = layout.datasetFolder(output.dataset) + "/" + output.path
                if let sum = try checksums.checksum(of: path) {
                    observed.append(.present(output.dataset, output.path, checksum: sum))
                } else {
                    observed.append(.deleted(output.dataset, output.path))
                }
            }
        }
        let failure = last?.status == .failed ? (last?.error ?? "unknown error") : nil
        let record: TaskRecord? = success == nil && failure == nil ? nil : TaskRecord(lastSuccess: success, lastFailure: failure)
        let verdict = StalenessResolver.status(
            task: task.key, current: definition, record: record, outputs: observed, forced: task.forced)
        return (definition, verdict)
    }

    /// Runs `task` if it is stale; returns its outcome.
    /// `judged` is a verdict already reached for this task (its inputs cannot have changed since,
    /// when everything upstream was fresh); without one the task is judged now.
    func execute(_ task: PlannedTask, runID: Int64, judged: (TaskDefinition, TaskStaleness)? = nil) -> TaskOutcome {
        let started = Date()
        var outcome = TaskOutcome(
            task: task.key.description, stage: task.stage.name, status: .failed, causes: [], error: nil, attempts: 0, seconds: 0)
        do {
            let (definition, verdict) = try judged ?? judge(task)
            outcome.causes = verdict.causes.map(\.reason)
            outcome.state = verdict.status.rawValue
            guard verdict.needsRun else {
                try manifest.recordCachedTask(
                    runID: runID, taskKey: task.key.description, stage: task.stage.name, day: task.day, fingerprint: definition.fingerprint.hex)
                outcome.status = .fresh
                outcome.seconds = Date().timeIntervalSince(started)
                return outcome
            }
            var lastError = ""
            for attempt in 1...(task.stage.retries + 1) {
                outcome.attempts = attempt
                let taskRun = try manifest.beginTask(
                    runID: runID, taskKey: task.key.description, stage: task.stage.name, day: task.day,
                    fingerprint: definition.fingerprint.hex)
                do {
                    let result = try attemptTask(task, definition: definition, taskRunID: taskRun.id, runID: runID, attempt: attempt)
                    outcome.status = .ran
                    outcome.rowsIn = result.rowsIn
                    outcome.rowsOut = result.rowsOut
                    outcome.error = nil
                    outcome.seconds = Date().timeIntervalSince(started)
                    return outcome
                } catch {
                    lastError = "\(error)"
                    try manifest.failTask(id: taskRun.id, error: lastError)
                    if attempt <= task.stage.retries {
                        Thread.sleep(forTimeInterval: options.retryBackoffSeconds * pow(2, Double(attempt - 1)))
                    }
                }
            }
            outcome.error = lastError
        } catch {
            outcome.error = "\(error)"
        }
        outcome.status = .failed
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// One attempt: temporary output folders, the stage, atomic publication, the manifest record.
    private func attemptTask(
        _ task: PlannedTask, definition: TaskDefinition, taskRunID: Int64, runID: Int64, attempt: Int
    ) throws -> StageResult {
        let io = TaskIO(task: task, layout: layout)
        guard let stage = stages[task.stage.kind] else {
            throw RunnerError(.usage, "no implementation of stage kind '\(task.stage.kind)' is registered")
        }
        var temporaries: [String: String] = [:]
        defer { for temp in temporaries.values { FileTree.remove(temp) } }
        for dataset in task.stage.outputs {
            temporaries[dataset] = try OutputPublisher.temporaryFolder(for: io.outputFolder(dataset))
        }
        var inputFolders: [String: String] = [:]
        var inputFiles: [String: [String]] = [:]
        for dataset in task.stage.inputs {
            let folder = io.inputFolder(dataset)
            inputFolders[dataset] = folder
            let base = layout.datasetFolder(dataset)
            inputFiles[dataset] = io.inputFiles(dataset).map { base + "/" + $0 }
        }
        let context = StageContext(
            task: task.key, spec: task.stage, workspace: layout.root, inputFolders: inputFolders, inputFiles: inputFiles,
            outputFolders: temporaries, threads: task.stage.threads == .all ? ProcessInfo.processInfo.activeProcessorCount : 1,
            logPath: layout.logPath(run: runID, task: task.key.description, attempt: attempt))
        let result = try stage.run(context)

        var shards: [ShardRecord] = []
        var outputs: [OutputRef] = []
        for dataset in task.stage.outputs {
            guard let temp = temporaries[dataset] else { continue }
            let final = io.outputFolder(dataset)
            var written: [String]
            if task.shard != nil {
                written = FileTree.files(under: temp)
                for file in written {
                    let target = final + "/" + file
                    try FileTree.makeFolder(FileTree.parent(target))
                    try FileTree.sync(temp + "/" + file, directory: false)
                    guard rename(temp + "/" + file, target) == 0 else {
                        throw RunnerError(.io, "cannot move '\(file)' into '\(final)': \(String(cString: strerror(errno)))")
                    }
                    try FileTree.sync(FileTree.parent(target), directory: true)
                }
            } else {
                try OutputPublisher.publish(temp, as: final)
                temporaries[dataset] = nil
                written = FileTree.files(under: final)
            }
            for file in written {
                let path = final + "/" + file
                guard let sum = try checksums.checksum(of: path), let id = FileChecksums.identity(of: path) else {
                    throw RunnerError(.io, "output '\(path)' vanished right after it was published")
                }
                let relative = io.datasetRelative(dataset, folder: final, file: file)
                shards.append(
                    ShardRecord(
                        dataset: dataset, relativePath: relative, size: id.size, mtimeNanoseconds: id.mtimeNanoseconds,
                        inode: id.inode, checksum: sum, producingTaskKey: task.key.description,
                        producingFingerprint: definition.fingerprint.hex, recordedAt: Date()))
                outputs.append(OutputRef(dataset: dataset, path: relative, checksum: sum, size: id.size))
            }
        }
        if task.shard != nil, let previous = try manifest.taskState(forKey: task.key.description) {
            // A map task owns single files in a shared partition: remove what it wrote last time and
            // no longer writes, so no orphan stays visible as data.
            let now = Set(outputs.map { $0.dataset + "/" + $0.path })
            for old in previous.outputs where !now.contains(old.dataset + "/" + old.path) {
                FileTree.remove(layout.datasetFolder(old.dataset) + "/" + old.path)
            }
        }
        let state = TaskState(
            taskKey: task.key.description, stage: task.stage.name, fingerprint: definition.fingerprint.hex,
            codeVersion: task.stage.codeVersion.description, paramsJSON: ParamValue.map(task.stage.params).canonicalJSON,
            inputs: definition.inputs.map { InputRef(dataset: $0.dataset, path: $0.path, checksum: $0.checksum) },
            outputs: outputs)
        try manifest.completeTask(
            taskRunID: taskRunID, state: state, outputs: shards, rowsIn: result.rowsIn.map(Int64.init),
            rowsOut: result.rowsOut.map(Int64.init), bytesOut: shards.reduce(0) { $0 + $1.size })
        return result
    }
}
