import Foundation
@testable import ManifestStore

/// Small builders so that tests state only what they are about.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    static func state(_ key: String, fingerprint: String, outputs: [String] = [], dataset: String = "events")
        -> TaskState
    {
        TaskState(
            taskKey: key, stage: String(key.prefix { $0 != "/" }), fingerprint: fingerprint, codeVersion: "1",
            paramsJSON: #"{"window":7}"#,
            inputs: [InputRef(dataset: "raw", path: "raw/dt=2026-11-23.jsonl", checksum: "c-raw")],
            outputs: outputs.map { OutputRef(dataset: dataset, path: $0, checksum: "c-\($0)", size: 100) })
    }

    static func shards(of state: TaskState, at time: Date = t0) -> [ShardRecord] {
        state.outputs.enumerated().map { index, output in
            ShardRecord(
                dataset: output.dataset, relativePath: output.path, size: output.size,
                mtimeNanoseconds: 1_000_000_000 + Int64(index), inode: UInt64(1000 + index), checksum: output.checksum,
                producingTaskKey: state.taskKey, producingFingerprint: state.fingerprint, recordedAt: time)
        }
    }

    /// Opens a manifest in a fresh file of `directory`.
    static func manifest(in directory: TemporaryDirectory, name: String = "manifest.sqlite") throws -> Manifest {
        try Manifest(path: directory.file(name))
    }
}
