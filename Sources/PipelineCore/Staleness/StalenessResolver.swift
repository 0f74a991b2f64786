/// Decides whether a task is missing, stale or fresh, and why. Pure: the runner gathers the facts
/// (the manifest's record, the current input checksums, what exists on disk) and passes them in.
///
/// Checks follow DVC's short-circuit order — forced and failed first, then the cheap definition checks
/// (kind, code version, params), then inputs, then outputs — but every cause found is reported. When the
/// current fingerprint equals the recorded one, the definition and input diffs are skipped.
///
/// Early cut-off falls out of the fingerprint: inputs are identified by content checksum, so when an
/// upstream rerun writes byte-identical shards, downstream tasks stay fresh.
///
/// ```swift
/// let verdict = StalenessResolver.status(
///     task: TaskKey(stage: "sft"), current: definition, record: record, outputs: observed, forced: false)
/// print(verdict)   // sft stale: param lr changed 3e-4 → 1e-3
/// ```
public enum StalenessResolver {
    /// The verdict on one task.
    ///
    /// - Parameters:
    ///   - task: The task being judged.
    ///   - current: What it would run with now.
    ///   - record: What the manifest remembers, or `nil` if the task never ran.
    ///   - outputs: What exists now for each output shard of the last success. A recorded shard with no
    ///     observation counts as deleted; an observation without a checksum counts as intact.
    ///   - forced: Whether the user forced the task (`--force`).
    public static func status(
        task: TaskKey,
        current: TaskDefinition,
        record: TaskRecord?,
        outputs: [ObservedOutput],
        forced: Bool
    ) -> TaskStaleness {
        let fingerprint = current.fingerprint
        var causes: [StaleCause] = []
        if forced {
            causes.append(StaleCause(.forced, "forced by --force"))
        }
        if let failure = record?.lastFailure {
            causes.append(StaleCause(.failed, "last attempt failed: \(failure)"))
        }
        guard let success = record?.lastSuccess else {
            if record?.lastFailure == nil {
                causes.append(StaleCause(.new, "never run"))
            }
            return TaskStaleness(task: task, status: .missing, causes: causes, fingerprint: fingerprint)
        }
        if success.fingerprint != fingerprint {
            let changes =
                definitionChanges(from: success, to: current) + inputChanges(from: success.inputs, to: current.inputs)
            causes +=
                changes.isEmpty
                ? [StaleCause(.code, "fingerprint changed \(success.fingerprint.short) → \(fingerprint.short)")]
                : changes
        }
        causes += outputChanges(recorded: success.outputs, observed: outputs)
        return TaskStaleness(
            task: task, status: causes.isEmpty ? .fresh : .stale, causes: causes, fingerprint: fingerprint)
    }

    /// Kind, code version and param changes, params in UTF-8 order of their names.
    static func definitionChanges(from old: TaskRecord.Success, to new: TaskDefinition) -> [StaleCause] {
        var causes: [StaleCause] = []
        if old.kind != new.kind {
            causes.append(StaleCause(.code, "kind \(old.kind) → \(new.kind)"))
        }
        if old.codeVersion != new.codeVersion {
            causes.append(StaleCause(.code, "code version \(old.codeVersion) → \(new.codeVersion)"))
        }
        for name in ParamValue.sortedKeys(Set(old.params.keys).union(new.params.keys)) {
            switch (old.params[name], new.params[name]) {
            case (let before?, let after?) where before != after:
                causes.append(StaleCause(.params, "param \(name) changed \(before) → \(after)", dependency: name))
            case (nil, let after?):
                causes.append(StaleCause(.params, "param \(name) added: \(after)", dependency: name))
            case (let before?, nil):
                causes.append(StaleCause(.params, "param \(name) removed (was \(before))", dependency: name))
            default:
                break
            }
        }
        return causes
    }

    /// Input shards changed, added or removed, sorted by dataset then path.
    static func inputChanges(from old: [InputShard], to new: [InputShard]) -> [StaleCause] {
        func key(_ shard: InputShard) -> [String] { [shard.dataset, shard.path] }
        let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let all = Set(before.values.map { InputShard(dataset: $0.dataset, path: $0.path, checksum: "") })
            .union(after.values.map { InputShard(dataset: $0.dataset, path: $0.path, checksum: "") })
        return all.sorted().compactMap { shard in
            let name = shard.displayName
            switch (before[key(shard)], after[key(shard)]) {
            case (let old?, let new?) where old.checksum != new.checksum:
                return StaleCause(.inputs, "input \(name) changed", dependency: name)
            case (nil, _?):
                return StaleCause(.inputs, "input \(name) added", dependency: name)
            case (_?, nil):
                return StaleCause(.inputs, "input \(name) removed", dependency: name)
            default:
                return nil
            }
        }
    }

    /// Recorded outputs that are gone or whose current checksum differs, in recorded order.
    static func outputChanges(recorded: [OutputShard], observed: [ObservedOutput]) -> [StaleCause] {
        recorded.compactMap { shard in
            let seen = observed.first { $0.dataset == shard.dataset && $0.path == shard.path }
            let path = shard.qualifiedPath
            guard let seen, seen.exists else {
                return StaleCause(.outputs, "output '\(path)' deleted", dependency: path)
            }
            if let checksum = seen.checksum, checksum != shard.checksum {
                return StaleCause(.outputs, "output '\(path)' checksum mismatch", dependency: path)
            }
            return nil
        }
    }
}
