import PipelineCore

/// Where one task reads and writes, resolved against the workspace as it is now.
///
/// A day task reads, of each input dataset partitioned by day, the partitions of its day window (its
/// own `dt=DAY` by default; `{days: 8}` the eight days ending at DAY; `{offset: -1}` the day before)
/// plus the dataset's unpartitioned parts (files and folders beside the `dt=` folders, such as
/// `raw/dims/`), and the whole dataset when it is not partitioned (a model, a dimension table). It
/// writes the `dt=DAY` partition of each output; a stage's own output read on earlier days
/// (`{model_sft: {offset: -1}}`) is read like any other window, so its fingerprint holds the
/// checksums of what the stage wrote on those days. An unpartitioned task reads and writes whole
/// datasets. A `map: shard` task reads one shard of its first input and writes files into its
/// outputs' partitions.
struct TaskIO {
    let task: PlannedTask
    let layout: WorkspaceLayout

    /// Whether `dataset` is read as day partitions by this task.
    private func readsPartitions(_ dataset: String) -> Bool {
        guard let day = task.day else { return false }
        return FileTree.exists(layout.partitionFolder(dataset, day: day)) || !layout.days(of: dataset).isEmpty
            || task.stage.window(of: dataset) != .sameDay
    }

    /// The folder the stage is told to read `dataset` from: the day's partition for a day task
    /// reading its own day (even if the partition is missing: then nothing is read), else the
    /// dataset folder.
    func inputFolder(_ dataset: String) -> String {
        if let day = task.day, task.stage.window(of: dataset) == .sameDay, readsPartitions(dataset) {
            return layout.partitionFolder(dataset, day: day)
        }
        return layout.datasetFolder(dataset)
    }

    /// The files read from `dataset`, relative to its dataset folder, sorted.
    func inputFiles(_ dataset: String) -> [String] {
        let base = layout.datasetFolder(dataset)
        if let shard = task.shard, dataset == task.stage.inputs.first {
            return [datasetRelative(dataset, folder: inputFolder(dataset), file: shard)]
        }
        guard let day = task.day, readsPartitions(dataset) else { return FileTree.files(under: base) }
        let naming = layout.partitionNaming(dataset)
        var files: [String] = []
        for partitionDay in task.stage.window(of: dataset).days(for: day) ?? [] {
            let name = naming.folderName(partitionDay)
            files.append(contentsOf: FileTree.files(under: base + "/" + name).map { name + "/" + $0 })
        }
        // Unpartitioned parts beside the partitions (e.g. raw/dims/) belong to every day; the other
        // days' partitions are not walked.
        for name in FileTree.entries(in: base) where naming.day(ofFolder: name) == nil {
            let inner = FileTree.files(under: base + "/" + name)
            files.append(contentsOf: inner.isEmpty && !FileTree.isFolder(base + "/" + name) ? [name] : inner.map { name + "/" + $0 })
        }
        return files.sorted()
    }

    /// The folder `dataset` is written into (a partition, or the dataset folder).
    func outputFolder(_ dataset: String) -> String {
        task.day.map { layout.partitionFolder(dataset, day: $0) } ?? layout.datasetFolder(dataset)
    }

    /// Path of `file` (relative to `folder`) relative to its dataset folder, as the manifest keys shards.
    func datasetRelative(_ dataset: String, folder: String, file: String) -> String {
        let base = layout.datasetFolder(dataset)
        let prefix = folder == base ? "" : String(folder.dropFirst(base.count + 1)) + "/"
        return prefix + file
    }

    /// The current input shards with their checksums (unreadable or vanished files are errors).
    func inputShards(_ checksums: FileChecksums) throws -> [InputShard] {
        var out: [InputShard] = []
        for dataset in task.stage.inputs {
            let base = layout.datasetFolder(dataset)
            for file in inputFiles(dataset) {
                guard let sum = try checksums.checksum(of: base + "/" + file) else {
                    throw RunnerError(.io, "input '\(base)/\(file)' of \(task.key) vanished while the run was planning; rerun")
                }
                out.append(InputShard(dataset: dataset, path: file, checksum: sum))
            }
        }
        return out.sorted()
    }
}
