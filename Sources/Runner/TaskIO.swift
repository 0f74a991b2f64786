import PipelineCore

/// Where one task reads and writes, resolved against the workspace as it is now.
///
/// A day task reads, of each input dataset, its `dt=DAY` partition when the dataset has one and the
/// whole dataset otherwise (a model, a dimension table); it writes the `dt=DAY` partition of each
/// output. An unpartitioned task reads and writes whole datasets. A `map: shard` task reads one
/// shard of its first input and writes files into its outputs' partitions.
struct TaskIO {
    let task: PlannedTask
    let layout: WorkspaceLayout

    /// The folder read from `dataset`: for a day task, the day's partition when the dataset is
    /// partitioned by day (even if that partition is missing: then nothing is read), else the whole
    /// dataset.
    func inputFolder(_ dataset: String) -> String {
        if let day = task.day {
            let partition = layout.partitionFolder(dataset, day: day)
            if FileTree.exists(partition) || !FileTree.days(in: layout.datasetFolder(dataset)).isEmpty { return partition }
        }
        return layout.datasetFolder(dataset)
    }

    /// The files read from `dataset`, relative to its input folder.
    func inputFiles(_ dataset: String) -> [String] {
        if let shard = task.shard, dataset == task.stage.inputs.first { return [shard] }
        return FileTree.files(under: inputFolder(dataset))
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
            let folder = inputFolder(dataset)
            for file in inputFiles(dataset) {
                guard let sum = try checksums.checksum(of: folder + "/" + file) else {
                    throw RunnerError(.io, "input '\(folder)/\(file)' of \(task.key) vanished while the run was planning; rerun")
                }
                out.append(InputShard(dataset: dataset, path: datasetRelative(dataset, folder: folder, file: file), checksum: sum))
            }
        }
        return out.sorted()
    }
}
